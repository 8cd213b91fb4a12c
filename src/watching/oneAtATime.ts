import { randomUUID } from "node:crypto"
import { Duration, Effect, Schedule } from "effect"
import { Leases } from "../storage/Leases.js"
import type { SubscriptionKey } from "../storage/Subscriptions.js"

/** How long one subscribe or unsubscribe holds its channel and app against another (it takes seconds). */
const CLAIM_TTL = Duration.seconds(30)

/**
 * Runs a subscription change for one channel and app while no other runs (on any replica): two
 * `subscribe` at once would each register a notifier, and only one could be stored. The second waits,
 * then sees the first's subscription and replaces its notifier. A claim left by a dead replica expires.
 */
export const oneAtATime = <A, E, R>(key: SubscriptionKey, change: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const leases = yield* Leases
    const name = `subscribe:${key.teamId}|${key.channelId}|${key.app}`
    const holder = randomUUID()
    yield* leases
      .acquire(name, holder, CLAIM_TTL)
      .pipe(
        Effect.repeat({ until: (held) => held, schedule: Schedule.spaced("200 millis").pipe(Schedule.upTo(CLAIM_TTL)) })
      )
    return yield* change.pipe(Effect.ensuring(Effect.ignore(leases.release(name, holder))))
  })
