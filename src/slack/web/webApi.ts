import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Effect, Either, Option, type Redacted, Schema } from "effect"
import { SlackApiError } from "./SlackApiError.js"
import type { SlackHttpService } from "./SlackHttp.js"

/** One Web API method call, and the shape of its `ok:true` answer. */
export interface ApiCall<A, I> {
  readonly method: string
  readonly params: Readonly<Record<string, unknown>>
  readonly answer: Schema.Schema<A, I>
  /**
   * JSON suits Slack's write methods (chat.*, views.*); read methods and the files.* upload steps are
   * documented for form bodies only, so they get one.
   */
  readonly encoding?: "json" | "form"
  /** What besides the method Slack limits this call by (a channel); none for modal calls. */
  readonly lane?: Option.Option<string>
  readonly waitWhenLimited?: boolean
  readonly budgetMs?: number
  /** Said by every call: a post or a push is not idempotent, so it is never re-sent after a timeout. */
  readonly idempotent: boolean
}

/** Form fields as the SDK sends them: objects and arrays as JSON text, nothing for undefined. */
const formFields = (params: Readonly<Record<string, unknown>>): Array<[string, string]> =>
  Object.entries(params).flatMap(
    ([key, value]): Array<[string, string]> =>
      value === undefined ? [] : [[key, typeof value === "object" ? JSON.stringify(value) : String(value)]]
  )

/**
 * `botToken` is looked up at each call (the team's installation, cached by the store); failing, it names
 * the code the call fails with (e.g. `not_installed`).
 */
export const makeWebApi = (
  http: SlackHttpService,
  apiUrl: string,
  botToken: Effect.Effect<Redacted.Redacted<string>, { readonly code: string }>
) => {
  const base = apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`
  const request = (
    botToken: Redacted.Redacted<string>,
    method: string,
    params: Readonly<Record<string, unknown>>,
    encoding: "json" | "form"
  ) => {
    const post = HttpClientRequest.post(`${base}${method}`).pipe(
      HttpClientRequest.bearerToken(botToken),
      HttpClientRequest.acceptJson
    )
    return encoding === "json"
      ? HttpClientRequest.bodyText(post, JSON.stringify(params), "application/json; charset=utf-8")
      : HttpClientRequest.bodyUrlParams(post, formFields(params))
  }

  const call = <A, I>(spec: ApiCall<A, I>): Effect.Effect<A, SlackApiError> =>
    botToken.pipe(
      Effect.mapError(({ code }) => new SlackApiError({ method: spec.method, code })),
      Effect.flatMap((token) =>
        http.deliver({
          method: spec.method,
          request: request(token, spec.method, spec.params, spec.encoding ?? "json"),
          lane: Option.map(spec.lane ?? Option.some(""), (scope) => `${spec.method} ${scope}`),
          waitWhenLimited: spec.waitWhenLimited ?? true,
          idempotent: spec.idempotent,
          ...(spec.budgetMs !== undefined ? { budgetMs: spec.budgetMs } : {})
        })
      ),
      // Decoded synchronously: Slack's answers need no effectful decoding.
      Effect.flatMap((body) =>
        Either.match(Schema.decodeUnknownEither(spec.answer)(body), {
          onLeft: () => Effect.fail(new SlackApiError({ method: spec.method, code: "invalid_response" })),
          onRight: Effect.succeed
        })
      )
    )

  return { call }
}

export type WebApi = ReturnType<typeof makeWebApi>
