import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Cache, Clock, Duration, Effect, Exit, Option, Redacted, Schema } from "effect"
import { AccountKey } from "./accountKey.js"
import { ScalingoSettings } from "./ScalingoSettings.js"
import { type ScalingoError, TokenRejected, Unauthorized } from "./errors.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { ScalingoHttp } from "./ScalingoHttp.js"

const ExchangeResponse = Schema.Struct({ token: Schema.String })
const JwtClaims = Schema.Struct({ exp: Schema.Number, iat: Schema.optional(Schema.Number) })

/** Scalingo documents bearers as valid for one hour; used only if a bearer's `exp` cannot be read. */
const DOCUMENTED_LIFETIME_MS = 3_600_000

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
  const claims = Option.flatMap(payloadOf(jwt), Schema.decodeUnknownOption(JwtClaims))
  const lifetime = Option.match(claims, {
    onNone: () => DOCUMENTED_LIFETIME_MS,
    onSome: ({ exp, iat }) => (iat === undefined ? exp * 1000 - now : (exp - iat) * 1000)
  })
  return lifetime > marginMillis ? lifetime - marginMillis : Math.max(0, lifetime / 2)
}

/** The JWT payload, read without verifying the signature (only Scalingo can verify it). */
const payloadOf = (jwt: string): Option.Option<unknown> => {
  const part = jwt.split(".")[1]
  if (part === undefined) return Option.none()
  try {
    return Option.some(JSON.parse(Buffer.from(part, "base64url").toString("utf8")))
  } catch {
    return Option.none()
  }
}

/**
 * Bearers for each account: exchanged at most once at a time however many requests wait, reused
 * until `bearerRefreshMargin` before they expire, refreshed once when Scalingo answers 401.
 */
export class BearerTokens extends Effect.Service<BearerTokens>()("bot/scalingo/BearerTokens", {
  effect: Effect.gen(function* () {
    const { authUrl: scalingoAuthUrl } = yield* ScalingoSettings
    const options = yield* ScalingoClientOptions
    const http = yield* ScalingoHttp
    const marginMillis = Duration.toMillis(options.bearerRefreshMargin)

    /** `POST /v1/tokens/exchange`, Basic auth with an empty user and the API token as password. */
    const exchange = (account: ScalingoAccount): Effect.Effect<CachedBearer, ScalingoError> =>
      http
        .send(
          account,
          HttpClientRequest.post(`${scalingoAuthUrl}/v1/tokens/exchange`).pipe(
            HttpClientRequest.basicAuth("", account.apiToken)
          ),
          ExchangeResponse
        )
        .pipe(
          Effect.catchTag(
            "Unauthorized",
            () => new TokenRejected({ message: "Scalingo refused the API token: it was revoked, renewed or mistyped" })
          ),
          Effect.flatMap(({ token }) =>
            Effect.map(Clock.currentTimeMillis, (now) => ({
              bearer: Redacted.make(token),
              reusableForMillis: reusableFor(token, now, marginMillis)
            }))
          ),
          Effect.withSpan("BearerTokens.exchange")
        )

    const cache = yield* Cache.makeWith({
      capacity: 10_000,
      lookup: (key: AccountKey) => exchange(key.account),
      timeToLive: Exit.match({
        onFailure: () => Duration.zero,
        onSuccess: (cached) => Duration.millis(cached.reusableForMillis)
      })
    })

    // Disconnected and uninterruptible: a caller giving up must not cancel the exchange others wait for.
    const cached = (account: ScalingoAccount) =>
      cache.get(new AccountKey(account)).pipe(Effect.uninterruptible, Effect.disconnect)

    const bearer = Effect.fn("BearerTokens.bearer")(function* (account: ScalingoAccount) {
      return (yield* cached(account)).bearer
    })

    /**
     * Runs `f` with the account's bearer. On Unauthorized: drop that bearer (only if it is still the
     * cached one, so concurrent failures cause one exchange), get a fresh one and run `f` once more.
     */
    const withBearer = <A, E, R>(
      account: ScalingoAccount,
      f: (bearer: Redacted.Redacted<string>) => Effect.Effect<A, E, R>
    ): Effect.Effect<A, E | ScalingoError, R> =>
      Effect.flatMap(cached(account), (used) =>
        Effect.catchAll(
          f(used.bearer),
          (error): Effect.Effect<A, E | ScalingoError, R> =>
            error instanceof Unauthorized
              ? cache
                  .invalidateWhen(new AccountKey(account), (current) => current === used)
                  .pipe(
                    Effect.zipRight(cached(account)),
                    Effect.flatMap((fresh) => f(fresh.bearer))
                  )
              : Effect.fail(error)
        )
      ).pipe(Effect.withSpan("BearerTokens.withBearer"))

    /** Forgets the account's bearer (logout, or a token replaced). */
    const forget = Effect.fn("BearerTokens.forget")(function* (account: ScalingoAccount) {
      yield* cache.invalidate(new AccountKey(account))
    })

    return { bearer, withBearer, forget } as const
  })
}) {}
