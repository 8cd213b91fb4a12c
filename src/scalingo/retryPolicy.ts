import { Clock, Data, Duration, Effect, Option, Schedule } from "effect"
import type { ScalingoError } from "./errors.js"
import type { ScalingoClientSettings } from "./ScalingoClientOptions.js"

/** A failed attempt, with Scalingo's Retry-After when it gave one (only the retry schedule reads it). */
export class AttemptFailed extends Data.TaggedError("AttemptFailed")<{
  readonly error: ScalingoError
  readonly retryAfter: Option.Option<Duration.Duration>
}> {}

export const attemptFailed = (error: ScalingoError, retryAfter: Option.Option<Duration.Duration> = Option.none()) =>
  new AttemptFailed({ error, retryAfter })

/**
 * Whether another attempt may fix it. A read: Scalingo down, slow or unreachable, or its own 429.
 * A change: only when the connection was never made, since anything else may have reached Scalingo
 * and a change is never sent twice. Our own budget's refusal is final: it already waited its turn.
 */
export const worthRetrying = (change: boolean, error: ScalingoError): boolean => {
  if (change) return error._tag === "ScalingoUnavailable" && error.reason === "transport" && !error.mayHaveApplied
  return error._tag === "ScalingoUnavailable" || (error._tag === "RateLimited" && error.source === "scalingo")
}

/**
 * The retries of one request: exponential from `retryBaseDelay`, jittered (80–120 %), at most
 * `maxAttempts` in all, never sooner than Scalingo's Retry-After, and only while the next attempt
 * can start before `deadline()` (the first attempt's send plus `retryWithin`).
 */
export const retrySchedule = (
  options: ScalingoClientSettings,
  change: boolean,
  deadline: () => number
): Schedule.Schedule<Duration.Duration, AttemptFailed> =>
  Schedule.exponential(options.retryBaseDelay).pipe(
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(Math.max(0, options.maxAttempts - 1))),
    // Intersecting keeps the longer delay: the backoff or Scalingo's Retry-After, whichever is later.
    Schedule.intersect(
      Schedule.identity<AttemptFailed>().pipe(
        Schedule.addDelay((failed) => Option.getOrElse(failed.retryAfter, () => Duration.zero))
      )
    ),
    Schedule.whileInput((failed: AttemptFailed) => worthRetrying(change, failed.error)),
    Schedule.delays,
    Schedule.checkEffect((_, delay) =>
      Effect.map(Clock.currentTimeMillis, (now) => now + Duration.toMillis(delay) < deadline())
    )
  )
