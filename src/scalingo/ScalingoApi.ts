import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Effect, type Schema } from "effect"
import { BearerTokens } from "./BearerTokens.js"
import type { ScalingoError } from "./errors.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoHttp } from "./ScalingoHttp.js"

export interface GetOptions {
  readonly urlParams?: Record<string, string>
  /** What a 404 is about when Scalingo does not say. */
  readonly resource?: string
}

export interface PostOptions {
  readonly headers?: Record<string, string>
  readonly resource?: string
  /** False only for requests that cannot change anything (a dry run); those may be retried. */
  readonly change: boolean
}

/** Scalingo calls made as an account: its bearer on every request, one refresh on a 401. */
export class ScalingoApi extends Effect.Service<ScalingoApi>()("bot/scalingo/ScalingoApi", {
  effect: Effect.gen(function* () {
    const http = yield* ScalingoHttp
    const tokens = yield* BearerTokens

    const get = <A, I>(
      account: ScalingoAccount,
      url: string,
      schema: Schema.Schema<A, I>,
      options: GetOptions = {}
    ): Effect.Effect<A, ScalingoError> =>
      tokens.withBearer(account, (bearer) =>
        http.send(
          account,
          HttpClientRequest.get(url, { urlParams: options.urlParams ?? {} }).pipe(
            HttpClientRequest.bearerToken(bearer)
          ),
          schema,
          {
            ...(options.resource === undefined ? {} : { resource: options.resource })
          }
        )
      )

    const post = <A, I>(
      account: ScalingoAccount,
      url: string,
      body: unknown,
      schema: Schema.Schema<A, I>,
      options: PostOptions
    ): Effect.Effect<A, ScalingoError> =>
      tokens.withBearer(account, (bearer) =>
        http.send(
          account,
          HttpClientRequest.post(url, { headers: options.headers ?? {} }).pipe(
            HttpClientRequest.bodyUnsafeJson(body),
            HttpClientRequest.bearerToken(bearer)
          ),
          schema,
          {
            change: options.change,
            ...(options.resource === undefined ? {} : { resource: options.resource })
          }
        )
      )

    return { get, post } as const
  })
}) {}
