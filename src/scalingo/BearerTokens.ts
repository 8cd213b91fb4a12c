import { fn } from "../tracing/fn.js"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Clock, Duration, Effect, Exit, Option, Redacted, Schema } from "effect"
import { jsonBody } from "./bodyReaders.js"
import { type ScalingoError, TokenRejected, Unauthorized } from "./errors.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { callBound, ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { ScalingoHttp } from "./ScalingoHttp.js"
import { expandTemplate, type ScalingoRequest } from "./ScalingoRequest.js"
import { ScalingoSettings } from "./ScalingoSettings.js"
import { makeSharedLookup } from "./sharedLookup.js"
import { timedOut } from "./transportErrors.js"

const ExchangeResponse = Schema.Struct({ token: Schema.String })
const JwtClaims = Schema.Struct({ exp: Schema.Number, iat: Schema.optional(Schema.Number) })

/** Scalingo documents bearers as valid for one hour; used only if a bearer's `exp` cannot be read. */
const DOCUMENTED_LIFETIME_MS = 3_600_000

const EXCHANGE = "/v1/tokens/exchange"

/** A bearer and how long it may be reused from the moment it arrived. */
interface CachedBearer {
  readonly bearer: Redacted.Redacted<string>
  readonly reusableForMillis: number
}

/**
 * How long a fresh bearer is reused: until `margin` before it expires. The lifetime is `exp - iat`
 * when Scalingo gives `iat` (immune to clock skew between us and Scalingo). A bearer living less
 * than the margin is reused for half its life rather than exchanged again on every request.
 */
const reusableFor = (jwt: string, now: number, marginMillis: number): number => {
  const claims = Schema.decodeUnknownOption(JwtClaims)(payloadOf(jwt))
  const lifetime = Option.match(claims, {
    onNone: () => DOCUMENTED_LIFETIME_MS,
    onSome: ({ exp, iat }) => (iat === undefined ? exp * 1000 - now : (exp - iat) * 1000)
  })
  return lifetime > marginMillis ? lifetime - marginMillis : Math.max(0, lifetime / 2)
}

/** The JWT payload, read without verifying the signature (only Scalingo can verify it). */
const payloadOf = (jwt: string): unknown =>
  Schema.decodeUnknownOption(Schema.parseJson())(
    Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")
  ).pipe(Option.getOrUndefined)

/**
 * Bearers for each account: exchanged at most once at a time however many requests wait, reused
 * until `bearerRefreshMargin` before they expire, refreshed once when Scalingo answers 401.
 */
export class BearerTokens extends Effect.Service<BearerTokens>()("bot/scalingo/BearerTokens", {
  effect: Effect.gen(function* () {
    const { authUrl } = yield* ScalingoSettings
    const options = yield* ScalingoClientOptions
    const http = yield* ScalingoHttp
    const marginMillis = Duration.toMillis(options.bearerRefreshMargin)
    const request: ScalingoRequest = {
      method: "POST",
      template: EXCHANGE,
      url: expandTemplate(authUrl, EXCHANGE),
      change: false
    }

    /** `POST /v1/tokens/exchange`, Basic auth with an empty user and the API token as password. */
    const exchange = (account: ScalingoAccount): Effect.Effect<CachedBearer, ScalingoError> =>
      http.send(account, request, HttpClientRequest.basicAuth("", account.apiToken), jsonBody(ExchangeResponse)).pipe(
        Effect.catchTag(
          "Unauthorized",
          (refused) =>
            new TokenRejected({
              message: "Scalingo refused the API token: it was revoked, renewed or mistyped",
              ...(refused.request === undefined ? {} : { request: refused.request })
            })
        ),
        Effect.flatMap(({ body }) =>
          Effect.map(Clock.currentTimeMillis, (now) => ({
            bearer: Redacted.make(body.token),
            reusableForMillis: reusableFor(body.token, now, marginMillis)
          }))
        ),
        Effect.withSpan("BearerTokens.exchange")
      )

    const bearers = yield* makeSharedLookup({
      lookup: exchange,
      timeToLive: Exit.match({
        onFailure: () => Duration.zero,
        onSuccess: (cached) => Duration.millis(cached.reusableForMillis)
      }),
      callerBound: callBound(options),
      onCallerTimeout: () => timedOut(`POST ${EXCHANGE}`, false, { request: `POST ${EXCHANGE}` })
    })

    const bearer = fn("BearerTokens.bearer")(function* (account: ScalingoAccount) {
      return (yield* bearers.get(account)).bearer
    })

    /**
     * Runs `f` with the account's bearer. On Unauthorized: drop that bearer (only if it is still the
     * cached one, so concurrent failures cause one exchange), get a fresh one and run `f` once more.
     */
    const withBearer = <A, E, R>(
      account: ScalingoAccount,
      f: (bearer: Redacted.Redacted<string>) => Effect.Effect<A, E, R>
    ): Effect.Effect<A, E | ScalingoError, R> =>
      Effect.flatMap(bearers.get(account), (used) =>
        Effect.catchAll(
          f(used.bearer),
          (error): Effect.Effect<A, E | ScalingoError, R> =>
            error instanceof Unauthorized
              ? bearers
                  .invalidateWhen(account, (current) => current === used)
                  .pipe(
                    Effect.zipRight(bearers.get(account)),
                    Effect.flatMap((fresh) => f(fresh.bearer))
                  )
              : Effect.fail(error)
        )
      )

    /** Forgets the account's bearer (logout, or a token replaced). */
    const forget = fn("BearerTokens.forget")(function* (account: ScalingoAccount) {
      yield* bearers.invalidate(account)
    })

    return { bearer, withBearer, forget } as const
  })
}) {}
