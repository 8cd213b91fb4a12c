import { Duration } from "effect"

/**
 * How one account's budget of `perWindow` requests is spent, as a token bucket
 * (`@effect/experimental` RateLimiter, algorithm "token-bucket", onExceeded "delay").
 *
 * Why not a fixed window: Scalingo may count over a sliding window, and a fixed window lets a full
 * window's worth through just before a boundary and another just after it (2x in a few seconds);
 * smaller fixed windows (N/2 per half-window, …) still let (k+1)/k x through. A bucket of `burst`
 * tokens refilled one every `refill` bounds what starts in ANY interval of length D:
 *
 *   starts in [t, t + D)  <=  burst + (refills strictly inside it)  <  burst + D / refill
 *
 * Requests do not reach Scalingo exactly when they start: one may be delayed (a new connection, a
 * busy event loop) while a later one is not. If no request is delayed by more than `jitter` relative
 * to another, what Scalingo sees within `window` started within `window + jitter`. So
 *
 *   refill = (window + jitter) / (N - burst)   gives   at most N in any sliding window.
 *
 * With burst = max(2, floor(N/20)), a saturated account still gets about (N - burst) of every
 * window: for N = 60 over 60 s with 1 s of jitter allowance, 56 a minute (93%), in bursts of 3.
 */
export interface BudgetPlan {
  /** Requests that may start at once after a quiet period. */
  readonly burst: number
  /** One token comes back every `refill`. */
  readonly refill: Duration.Duration
  /** The RateLimiter's `window` for `limit: burst`: it refills `burst` tokens per this window. */
  readonly bucketWindow: Duration.Duration
  /** Requests per `window` under saturation (not always whole). */
  readonly sustained: number
}

export const budgetPlan = (
  perWindow: number,
  window: Duration.DurationInput,
  jitter: Duration.DurationInput = Duration.zero
): BudgetPlan => {
  const limit = Math.max(1, Math.floor(perWindow))
  // At least 2, so a first request and its token exchange never wait for a refill (small budgets).
  const burst = Math.min(limit, Math.max(2, Math.floor(limit / 20)))
  const windowMillis = Duration.toMillis(window)
  // Rounded up to whole milliseconds: never a hair faster than the bound allows.
  const refillMillis = Math.ceil((windowMillis + Duration.toMillis(jitter)) / Math.max(1, limit - burst))
  return {
    burst,
    refill: Duration.millis(refillMillis),
    bucketWindow: Duration.millis(refillMillis * burst),
    sustained: windowMillis / refillMillis
  }
}
