import { Clock, Duration, Effect, Option } from "effect"
import { AroundRateLimitWait } from "./AroundRateLimitWait.js"
import { type AttemptFailed, failedWith } from "./attempts.js"

/**
 * Slack rate-limits each method per workspace, and chat.postMessage per channel: a 429 pauses only its
 * own lane (method and channel), never the others. A lane is known only while it is paused, so the map
 * holds no more than the lanes Slack is limiting right now.
 */
export interface RateLimitLanes {
  /**
   * Waits out the lane's pause before a call (through AroundRateLimitWait); fails at once (`ratelimited`)
   * when the pause lasts past `deadline` (epoch ms) or the caller would rather not wait.
   */
  readonly enter: (lane: string, deadline: number, wait: boolean) => Effect.Effect<void, AttemptFailed>
  /** Pauses the lane for Slack's Retry-After. */
  readonly pause: (lane: string, retryAfter: Duration.Duration) => Effect.Effect<void>
}

export const makeRateLimitLanes = Effect.sync((): RateLimitLanes => {
  const pausedUntil = new Map<string, number>()

  const remaining = (lane: string, now: number): number => {
    const until = pausedUntil.get(lane)
    if (until === undefined) return 0
    if (until > now) return until - now
    pausedUntil.delete(lane)
    return 0
  }

  return {
    enter: (lane, deadline, wait) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const left = remaining(lane, now)
        if (left === 0) return Effect.void
        if (!wait || now + left > deadline)
          return Effect.fail(failedWith("ratelimited", false, Option.some(Duration.millis(left))))
        // The caller hands back its work turn while it sleeps (AroundRateLimitWait).
        return Effect.flatMap(AroundRateLimitWait, (around) => {
          const sleep = Effect.sleep(Duration.millis(left))
          return around === undefined ? sleep : around(sleep)
        })
      }),
    pause: (lane, retryAfter) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.sync(() => {
          const until = now + Duration.toMillis(retryAfter)
          if (until > (pausedUntil.get(lane) ?? 0)) pausedUntil.set(lane, until)
        })
      )
  }
})
