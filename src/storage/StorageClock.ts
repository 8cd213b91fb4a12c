import { Clock, Effect } from "effect"

/**
 * The time a repository method acts at: the caller's `now` when it passes one (a caller that already
 * read the clock, or a test stepping past an expiry), else the Effect Clock.
 */
export const millisAt = (now: Date | undefined): Effect.Effect<number> =>
  now === undefined ? Clock.currentTimeMillis : Effect.succeed(now.getTime())

/** Timestamps are stored as ISO-8601 text in UTC, which sorts and compares as time does. */
export const isoAt = (millis: number): string => new Date(millis).toISOString()
