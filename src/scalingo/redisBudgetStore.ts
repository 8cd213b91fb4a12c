import { Data, Duration, Effect, Redacted, Runtime, type Scope } from "effect"
import { Redis, type RedisOptions } from "ioredis"
import type { BookingRequest, BudgetRule, Booking } from "./budgetLog.js"

/**
 * The budget log of budgetLog.ts in Redis, shared by every replica: one sorted set per account
 * (member: booking id, score: send time in ms). Booking is one Lua script, so it is atomic across
 * replicas, and it reads Redis's own clock, so replicas' clocks never disagree about a window.
 * Each key expires once its newest booking can no longer limit anything.
 */
const BOOK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, span, maxWait, noticeAfter = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
local count = redis.call('ZCARD', KEYS[1])
local at = now
if count >= limit then
  local nth = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
  at = math.max(now, tonumber(nth[2]) + span)
end
local ahead = redis.call('ZCOUNT', KEYS[1], '(' .. (now + noticeAfter), at)
if at - now > maxWait then return {0, at - now, ahead} end
redis.call('ZADD', KEYS[1], at, ARGV[5])
if redis.call('PTTL', KEYS[1]) < at - now + span then redis.call('PEXPIRE', KEYS[1], at - now + span) end
return {1, at - now, ahead}
`

interface BudgetRedis extends Redis {
  scalingoBudgetBook(key: string, ...args: Array<string | number>): Promise<[number, number, number]>
}

/** Redis did not answer (in time): the caller counts on this replica alone meanwhile. */
export class BudgetStoreFailed extends Data.TaggedError("BudgetStoreFailed")<{ readonly reason: string }> {}

/** REDIS_URL is set but Redis does not answer: said once, at start. */
export class BudgetStoreUnavailable extends Data.TaggedError("BudgetStoreUnavailable")<{ readonly message: string }> {}

export interface RedisBudgetStore {
  readonly book: (key: string, rule: BudgetRule, request: BookingRequest) => Effect.Effect<Booking, BudgetStoreFailed>
  readonly release: (key: string, id: string) => Effect.Effect<void>
}

/** ioredis options from a `redis://` or `rediss://` URL; every command ends within `commandTimeout`. */
export const redisOptionsFromUrl = (url: string, commandTimeout: Duration.DurationInput): RedisOptions => {
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
    // A Redis that accepts connections and never answers must not hold anything: commands fail in time.
    commandTimeout: Math.max(1, Duration.toMillis(commandTimeout)),
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(200 * times, 2_000)
  }
}

/** Bounded, so shutdown stays within its 10 s whatever Redis does: QUIT, then drop the socket. */
const QUIT_WITHIN = Duration.seconds(2)
/** How long a start-up check of Redis may take before the bot says it does not answer. */
const PROBE_WITHIN = Duration.seconds(5)

export const makeRedisBudgetStore = (
  url: Redacted.Redacted<string>,
  commandTimeout: Duration.DurationInput
): Effect.Effect<RedisBudgetStore, BudgetStoreUnavailable, Scope.Scope> =>
  Effect.gen(function* () {
    const options = yield* Effect.try({
      try: () => redisOptionsFromUrl(Redacted.value(url), commandTimeout),
      catch: () => new BudgetStoreUnavailable({ message: "REDIS_URL is not a valid redis:// or rediss:// URL" })
    })
    const runtime = yield* Effect.runtime<never>()
    const redis = yield* Effect.acquireRelease(
      Effect.sync(() => new Redis(options) as BudgetRedis),
      (redis) =>
        Effect.tryPromise(() => redis.quit()).pipe(
          Effect.timeout(QUIT_WITHIN),
          Effect.catchAll(() => Effect.sync(() => redis.disconnect()))
        )
    )
    // Without a listener ioredis prints "Unhandled error event" on every reconnection attempt.
    let down = false
    redis.on("error", (error: Error) => {
      if (down) return
      down = true
      Runtime.runFork(runtime)(
        Effect.logWarning("Redis for the request budget is failing; each replica counts on its own meanwhile").pipe(
          Effect.annotateLogs({
            error: error.name === "Error" ? error.message.split("\n")[0]!.slice(0, 120) : error.name
          })
        )
      )
    })
    redis.on("ready", () => {
      if (down) Runtime.runFork(runtime)(Effect.logInfo("Redis for the request budget answers again"))
      down = false
    })
    redis.defineCommand("scalingoBudgetBook", { numberOfKeys: 1, lua: BOOK })

    yield* Effect.tryPromise(() => redis.ping()).pipe(
      Effect.timeout(PROBE_WITHIN),
      Effect.mapError(
        () =>
          new BudgetStoreUnavailable({
            message: "REDIS_URL is set but Redis did not answer; check the URL, its password and that Redis is running"
          })
      )
    )

    const failed = (cause: unknown) =>
      new BudgetStoreFailed({ reason: cause instanceof Error ? cause.name : "no answer" })
    const within = Duration.sum(commandTimeout, Duration.millis(200))

    const book = (key: string, rule: BudgetRule, request: BookingRequest) =>
      Effect.tryPromise({
        try: () =>
          redis.scalingoBudgetBook(
            key,
            rule.limit,
            rule.spanMillis,
            Math.max(0, Math.floor(request.maxWaitMillis)),
            Math.floor(request.noticeAfterMillis),
            request.id
          ),
        catch: failed
      }).pipe(
        // ioredis' commandTimeout is the bound; this one also covers a socket ioredis still waits on.
        Effect.timeoutFail({ duration: within, onTimeout: () => failed(undefined) }),
        Effect.map(([granted, waitMillis, ahead]): Booking => ({ granted: granted === 1, waitMillis, ahead }))
      )

    const release = (key: string, id: string) =>
      Effect.tryPromise(() => redis.zrem(key, id)).pipe(Effect.timeout(within), Effect.ignore)

    return { book, release }
  })
