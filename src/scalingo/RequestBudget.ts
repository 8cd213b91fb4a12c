import { randomUUID } from "node:crypto"
import { Clock, Context, Duration, Effect, Layer, Option } from "effect"
import { AroundScalingoWait, BudgetWaitNotice } from "./BudgetWaitNotice.js"
import { type Booking, type BudgetRule, MemoryBudgetLog } from "./budgetLog.js"
import { RateLimited } from "./errors.js"
import { type BudgetStoreUnavailable, makeRedisBudgetStore, type RedisBudgetStore } from "./redisBudgetStore.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { ScalingoSettings } from "./ScalingoSettings.js"

export { BudgetStoreUnavailable } from "./redisBudgetStore.js"

/**
 * Each account's `requestsPerMinute` over any `budgetWindow` (stretched by the jitter allowance),
 * taken before EVERY request to Scalingo (token exchanges and retries included). Keyed by
 * `account.key`, so two accounts never share a budget; with Redis, every replica books from the
 * same log. The rule and why it is a sliding-window log: budgetLog.ts.
 */
export class RequestBudget extends Context.Tag("bot/scalingo/RequestBudget")<
  RequestBudget,
  {
    /**
     * Waits for this request's turn in its account's line (FIFO), telling BudgetWaitNotice once
     * after `budgetNoticeAfter`; fails at once with RateLimited{source:"budget"} when the turn is
     * beyond `maxWait` (default `maxBudgetWait`). A request interrupted while waiting gives its turn back.
     */
    readonly take: (account: ScalingoAccount, maxWait?: Duration.Duration) => Effect.Effect<void, RateLimited>
  }
>() {}

/** While Redis fails, this replica books locally for this long before asking Redis again. */
const LOCAL_AFTER_FAILURE = Duration.seconds(5)

const make = (local: MemoryBudgetLog, shared: Option.Option<RedisBudgetStore>) =>
  Effect.gen(function* () {
    const settings = yield* ScalingoSettings
    const options = yield* ScalingoClientOptions
    const rule: BudgetRule = {
      limit: settings.requestsPerMinute,
      spanMillis: Duration.toMillis(options.budgetWindow) + Duration.toMillis(options.budgetJitterAllowance)
    }
    const noticeAfterMillis = Duration.toMillis(options.budgetNoticeAfter)
    let localUntil = 0

    const bookLocally = (key: string, request: { id: string; maxWaitMillis: number }) =>
      Effect.map(Clock.currentTimeMillis, (now) => ({
        booking: local.book(key, rule, now, { ...request, noticeAfterMillis }),
        release: Effect.sync(() => local.release(key, request.id))
      }))

    /** Redis when it answers (mirrored locally for a fallback that knows what was sent), else this replica's log. */
    const book = (key: string, maxWaitMillis: number) =>
      Effect.gen(function* () {
        const request = { id: randomUUID(), maxWaitMillis }
        const now = yield* Clock.currentTimeMillis
        if (Option.isNone(shared) || now < localUntil) return yield* bookLocally(key, request)
        const store = shared.value
        const booked = yield* Effect.either(store.book(key, rule, { ...request, noticeAfterMillis }))
        if (booked._tag === "Right") {
          if (booked.right.granted) local.record(key, rule, now, now + booked.right.waitMillis, request.id)
          return {
            booking: booked.right,
            release: Effect.zipRight(
              store.release(key, request.id),
              Effect.sync(() => local.release(key, request.id))
            )
          }
        }
        // Said once per outage: not again while Redis keeps failing each time it is tried.
        if (localUntil === 0 || now >= localUntil + Duration.toMillis(LOCAL_AFTER_FAILURE))
          yield* Effect.logWarning("request budget store unavailable; counting on this replica only").pipe(
            Effect.annotateLogs({ error: booked.left.reason })
          )
        localUntil = now + Duration.toMillis(LOCAL_AFTER_FAILURE)
        return yield* bookLocally(key, request)
      })

    const waitTurn = (booking: Booking) =>
      Effect.gen(function* () {
        if (booking.waitMillis <= 0) return
        if (booking.waitMillis <= noticeAfterMillis) return yield* Effect.sleep(Duration.millis(booking.waitMillis))
        yield* Effect.sleep(Duration.millis(noticeAfterMillis))
        const notice = yield* BudgetWaitNotice
        const remaining = booking.waitMillis - noticeAfterMillis
        if (notice !== undefined) {
          // Told on the side: a slow Slack must not delay this request's turn.
          yield* Effect.forkDaemon(
            notice({ ahead: booking.ahead, waitSeconds: Math.max(1, Math.ceil(remaining / 1000)) }).pipe(
              Effect.catchAllCause((cause) => Effect.logDebug("budget wait notice failed", cause))
            )
          )
        }
        yield* Effect.sleep(Duration.millis(remaining))
      })

    const take = (account: ScalingoAccount, maxWait: Duration.Duration = Duration.decode(options.maxBudgetWait)) =>
      Effect.uninterruptibleMask((restore) =>
        Effect.gen(function* () {
          const { booking, release } = yield* book(
            `${options.budgetKeyPrefix}${account.key}`,
            Duration.toMillis(maxWait)
          )
          if (!booking.granted) {
            return yield* new RateLimited({
              source: "budget",
              retryAfterSeconds: Math.max(1, Math.ceil(booking.waitMillis / 1000))
            })
          }
          const around = yield* AroundScalingoWait
          const wait = around === undefined || booking.waitMillis < 50 ? waitTurn(booking) : around(waitTurn(booking))
          yield* restore(wait).pipe(Effect.onInterrupt(() => release))
        })
      )

    return RequestBudget.of({ take })
  })

/** This process's own budget: right for a single replica (and for tests with TestClock). */
export const RequestBudgetMemory = (
  log: MemoryBudgetLog = new MemoryBudgetLog()
): Layer.Layer<RequestBudget, never, ScalingoSettings> => Layer.effect(RequestBudget, make(log, Option.none()))

/** One budget shared by every replica through Redis; fails at start when Redis does not answer. */
export const RequestBudgetRedis = (
  url: Parameters<typeof makeRedisBudgetStore>[0],
  log: MemoryBudgetLog = new MemoryBudgetLog()
): Layer.Layer<RequestBudget, BudgetStoreUnavailable, ScalingoSettings> =>
  Layer.scoped(
    RequestBudget,
    Effect.gen(function* () {
      const options = yield* ScalingoClientOptions
      const store = yield* makeRedisBudgetStore(url, options.budgetStoreTimeout)
      return yield* make(log, Option.some(store))
    })
  )

/** Redis when `redisUrl` is set, this process's memory otherwise. */
export const RequestBudgetLive: Layer.Layer<RequestBudget, BudgetStoreUnavailable, ScalingoSettings> =
  Layer.unwrapEffect(
    Effect.map(ScalingoSettings, (settings) =>
      Option.match(settings.redisUrl, {
        onNone: (): Layer.Layer<RequestBudget, BudgetStoreUnavailable, ScalingoSettings> => RequestBudgetMemory(),
        onSome: (url) => RequestBudgetRedis(url)
      })
    )
  )
