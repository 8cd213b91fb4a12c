import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Effect, ParseResult, type Schema } from "effect"

/**
 * How a 2xx answer's body becomes a value. A reader fails with a short reason for the
 * UnexpectedResponse it becomes; the reason never quotes the body (values may be secrets).
 */
export type BodyReader<A> = (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<A, string>

/** Where a body stopped matching: keys and indexes only, never the values found there. */
const pathOf = (error: ParseResult.ParseError): string => {
  const path = ParseResult.ArrayFormatter.formatErrorSync(error)[0]?.path ?? []
  const safe = path.map((p) =>
    String(p)
      .replace(/[^A-Za-z0-9_-]/g, "?")
      .slice(0, 40)
  )
  return safe.length === 0 ? "" : ` at ${safe.join(".")}`
}

/** JSON decoded with `schema` (an empty body reads as null). */
export const jsonBody =
  <A, I>(schema: Schema.Schema<A, I>): BodyReader<A> =>
  (response) =>
    HttpClientResponse.schemaBodyJson(schema)(response).pipe(
      Effect.mapError((error) =>
        error._tag === "ParseError" ? `unexpected body shape${pathOf(error)}` : "the body was not valid JSON"
      )
    )

/** The body as text (build logs, app logs are `text/plain`). */
export const textBody: BodyReader<string> = (response) =>
  Effect.mapError(response.text, () => "the body could not be read")

/** Nothing to read (a 202 or 204 whose headers say it all). */
export const noBody: BodyReader<void> = () => Effect.void
