import { Clock, Duration, Effect, Option, Schedule } from "effect"

/** How one call retries: the shape of its backoff, and what it reads from each failure. */
export interface Backoff<E> {
  /** The first delay; each next one is `factor` times longer (2 by default), up to `cap` when given. */
  readonly first: Duration.DurationInput
  readonly factor?: number
  readonly cap?: Duration.DurationInput
  /** Retries after the first attempt. */
  readonly retries: number
  /** Whether this failure is worth another attempt (the caller's decision, not the kit's). */
  readonly worthRetrying: (failure: E) => boolean
  /** The server's `Retry-After` for this failure: no retry starts sooner. */
  readonly retryAfter: (failure: E) => Option.Option<Duration.Duration>
  /** Whether a retry may still start at `at` (epoch ms): a call's patience, read when the wait would begin. */
  readonly mayStartAt: (at: number) => boolean
}

/**
 * Retries with jittered (80–120 %) exponential backoff, capped, a bounded number of times, never
 * sooner than the server's Retry-After, and only while the next attempt may still start. A failure not
 * worth retrying stops at once. Outputs each delay.
 */
export const backoff = <E>(shape: Backoff<E>): Schedule.Schedule<Duration.Duration, E> => {
  const exponential = Schedule.exponential(shape.first, shape.factor ?? 2)
  // A union keeps the shorter delay: the exponential one, or the cap once it grows past it.
  const capped: Schedule.Schedule<unknown> =
    shape.cap === undefined ? exponential : Schedule.union(exponential, Schedule.spaced(shape.cap))
  return capped.pipe(
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(Math.max(0, shape.retries))),
    // Intersecting keeps the longer delay: the backoff or the Retry-After, whichever is later.
    Schedule.intersect(
      Schedule.identity<E>().pipe(
        Schedule.addDelay((failure) => Option.getOrElse(shape.retryAfter(failure), () => Duration.zero))
      )
    ),
    Schedule.whileInput(shape.worthRetrying),
    Schedule.delays,
    Schedule.checkEffect((_, delay) =>
      Effect.map(Clock.currentTimeMillis, (now) => shape.mayStartAt(now + Duration.toMillis(delay)))
    )
  )
}
