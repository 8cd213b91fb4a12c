import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Effect, Either, ParseResult, Schema } from "effect"

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

/** Each schema's synchronous decoder, built once. */
const decoders = new WeakMap<object, (input: unknown) => Either.Either<unknown, ParseResult.ParseError>>()
const decoderOf = <A, I>(schema: Schema.Schema<A, I>) => {
  let decode = decoders.get(schema)
  if (decode === undefined) {
    decode = Schema.decodeUnknownEither(schema)
    decoders.set(schema, decode)
  }
  return decode as (input: unknown) => Either.Either<A, ParseResult.ParseError>
}

/**
 * JSON decoded with `schema` (an empty body reads as null). Decoded synchronously once the text is
 * read: Scalingo's schemas have no effectful parts, and the effectful decoder cost several fiber steps
 * per field of every list (the profile, `npm run bench:profile`).
 */
export const jsonBody =
  <A, I>(schema: Schema.Schema<A, I>): BodyReader<A> =>
  (response) =>
    Effect.flatMap(
      Effect.mapError(response.text, () => "the body was not valid JSON"),
      (text): Effect.Effect<A, string> => {
        let json: unknown
        try {
          json = text === "" ? null : JSON.parse(text)
        } catch {
          return Effect.fail("the body was not valid JSON")
        }
        const decoded = decoderOf(schema)(json)
        return Either.isRight(decoded)
          ? Effect.succeed(decoded.right)
          : Effect.fail(`unexpected body shape${pathOf(decoded.left)}`)
      }
    )

/** The body as text (build logs, app logs are `text/plain`). */
export const textBody: BodyReader<string> = (response) =>
  Effect.mapError(response.text, () => "the body could not be read")

/** Nothing to read (a 202 or 204 whose headers say it all). */
export const noBody: BodyReader<void> = () => Effect.void
