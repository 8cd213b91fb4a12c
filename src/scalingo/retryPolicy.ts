import { Data, type Duration, Option, type Schedule } from "effect"
import { backoff } from "../http/backoff.js"
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
  backoff<AttemptFailed>({
    first: options.retryBaseDelay,
    retries: options.maxAttempts - 1,
    worthRetrying: (failed) => worthRetrying(change, failed.error),
    retryAfter: (failed) => failed.retryAfter,
    mayStartAt: (at) => at < deadline()
  })
