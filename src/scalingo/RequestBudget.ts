import { RateLimiter } from "@effect/experimental"
import * as RedisRateLimiter from "@effect/experimental/RateLimiter/Redis"
import { Context, Data, Duration, Effect, Layer, Option, Redacted } from "effect"
import type { RedisOptions } from "ioredis"
import { budgetPlan } from "./budgetPlan.js"
import { RateLimited } from "./errors.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { ScalingoSettings } from "./ScalingoSettings.js"

/**
 * Each account's `scalingoRequestsPerMinute` over `budgetWindow`, taken before EVERY request to
 * Scalingo (token exchanges and retries included). Keyed by `account.key`, so two accounts never
 * share a budget; with Redis, every replica draws from the same one. See budgetPlan.ts for why a
 * token bucket and how it stays under the limit over any sliding window.
 */
export class RequestBudget extends Context.Tag("bot/scalingo/RequestBudget")<
  RequestBudget,
  {
    /** Waits for this request's turn; fails at once with RateLimited{source:"budget"} if that is beyond maxBudgetWait. */
    readonly take: (account: ScalingoAccount) => Effect.Effect<void, RateLimited>
  }
>() {}

/** REDIS_URL is set but Redis does not answer: said once, at start. */
export class BudgetStoreUnavailable extends Data.TaggedError("BudgetStoreUnavailable")<{ readonly message: string }> {}

/** How long a Redis answer may take before this replica falls back to its own budget. */
const STORE_TIMEOUT = Duration.seconds(2)

const make = Effect.gen(function* () {
  const settings = yield* ScalingoSettings
  const options = yield* ScalingoClientOptions
  const shared = yield* RateLimiter.RateLimiter
  const local = yield* Effect.provide(RateLimiter.make, RateLimiter.layerStoreMemory)
  const plan = budgetPlan(settings.requestsPerMinute, options.budgetWindow, options.budgetJitterAllowance)
  const maxWait = Duration.decode(options.maxBudgetWait)

  const consume = (limiter: RateLimiter.RateLimiter, key: string, tokens: number) =>
    limiter.consume({
      key,
      tokens,
      algorithm: "token-bucket",
      onExceeded: "delay",
      limit: plan.burst,
      window: plan.bucketWindow
    })

  /** The shared store, or this replica's own budget while the shared one cannot answer. */
  const consumeAnywhere = (key: string) =>
    consume(shared, key, 1).pipe(
      Effect.timeout(STORE_TIMEOUT),
      Effect.map((result) => ({ result, limiter: shared })),
      Effect.catchAll((error) =>
        Effect.logWarning("request budget store unavailable; counting on this replica only", {
          error: error._tag
        }).pipe(
          Effect.zipRight(consume(local, key, 1)),
          Effect.map((result) => ({ result, limiter: local })),
          Effect.orDie
        )
      )
    )

  const take = Effect.fn("RequestBudget.take")(function* (account: ScalingoAccount) {
    const key = `${options.budgetKeyPrefix}${account.key}`
    const { result, limiter } = yield* consumeAnywhere(key)
    if (Duration.greaterThan(result.delay, maxWait)) {
      // Give the slot back: a request that is not sent must not push later ones further out. Safe for
      // the bound: the bucket was in debt (delay > 0), so one token back cannot lift it over `burst`.
      yield* consume(limiter, key, -1).pipe(Effect.timeout(STORE_TIMEOUT), Effect.ignore)
      return yield* new RateLimited({
        source: "budget",
        retryAfterSeconds: Math.max(1, Math.ceil(Duration.toSeconds(result.delay)))
      })
    }
    if (!Duration.isZero(result.delay)) yield* Effect.sleep(result.delay)
  })

  return RequestBudget.of({ take })
})

/** This process's own budget: right for a single replica (and for tests with TestClock). */
export const RequestBudgetMemory: Layer.Layer<RequestBudget, never, ScalingoSettings> = Layer.effect(
  RequestBudget,
  make
).pipe(Layer.provide(RateLimiter.layer), Layer.provide(RateLimiter.layerStoreMemory))

/** ioredis options from a `redis://` or `rediss://` URL. */
export const redisOptionsFromUrl = (url: string): RedisOptions => {
  const parsed = new URL(url)
  const db = Number(parsed.pathname.replace(/^\//, "") || "0")
  return {
    host: parsed.hostname,
    port: parsed.port === "" ? 6379 : Number(parsed.port),
    ...(parsed.username === "" ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === "" ? {} : { password: decodeURIComponent(parsed.password) }),
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    connectTimeout: 3_000,
    maxRetriesPerRequest: 1
  }
}

/** Fails the layer with a readable message when Redis cannot be reached at start. */
const probe = Effect.gen(function* () {
  const limiter = yield* RateLimiter.RateLimiter
  const { budgetKeyPrefix } = yield* ScalingoClientOptions
  yield* limiter
    .consume({
      key: `${budgetKeyPrefix}probe`,
      limit: 1_000,
      window: "1 seconds",
      algorithm: "token-bucket",
      onExceeded: "delay"
    })
    .pipe(
      Effect.timeout(Duration.seconds(5)),
      Effect.mapError(
        () =>
          new BudgetStoreUnavailable({
            message: "REDIS_URL is set but Redis did not answer; check the URL, its password and that Redis is running"
          })
      )
    )
})

/** One budget shared by every replica through Redis. */
export const RequestBudgetRedis = (
  url: Redacted.Redacted<string>
): Layer.Layer<RequestBudget, BudgetStoreUnavailable, ScalingoSettings> =>
  Layer.effect(RequestBudget, Effect.zipRight(probe, make)).pipe(
    Layer.provide(RateLimiter.layer),
    Layer.provide(
      Layer.unwrapEffect(
        Effect.try({
          try: () => RedisRateLimiter.layerStore(redisOptionsFromUrl(Redacted.value(url))),
          catch: () => new BudgetStoreUnavailable({ message: "REDIS_URL is not a valid redis:// or rediss:// URL" })
        })
      )
    )
  )

/** Redis when `redisUrl` is set, this process's memory otherwise. */
export const RequestBudgetLive: Layer.Layer<RequestBudget, BudgetStoreUnavailable, ScalingoSettings> =
  Layer.unwrapEffect(
    Effect.map(ScalingoSettings, (settings) =>
      Option.match(settings.redisUrl, {
        onNone: (): Layer.Layer<RequestBudget, BudgetStoreUnavailable, ScalingoSettings> => RequestBudgetMemory,
        onSome: RequestBudgetRedis
      })
    )
  )
