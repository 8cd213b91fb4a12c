import { Effect } from "effect"
import { DeliveryLedger } from "../storage/DeliveryLedger.js"
import type { SubscriptionKey } from "../storage/Subscriptions.js"
import type { AppRead } from "./appRead.js"
import { deploymentKey, deploymentLogKey, eventKey } from "./posting.js"

/**
 * Where a subscription starts: everything the app's newest pages hold now is recorded as seen (never
 * posted), before the subscription becomes active, so nothing from before it is ever posted.
 */
export const recordBaseline = (key: SubscriptionKey, read: AppRead, since: Date) =>
  Effect.gen(function* () {
    const ledger = yield* DeliveryLedger
    const items = [
      ...read.deployments.flatMap((d) => [
        { key: deploymentKey(d.id), state: d.status ?? "unknown" },
        { key: deploymentLogKey(d.id), state: "before" }
      ]),
      ...read.events.filter((e) => e.id !== "").map((e) => ({ key: eventKey(e.id), state: "before" }))
    ]
    // Subscribing again keeps what was posted (a deployment's message stays the one edited in place).
    const known = yield* ledger.seen(
      key,
      items.map((item) => item.key)
    )
    for (const item of items) if (!known.has(item.key)) yield* ledger.record(key, item.key, item.state, null)
    yield* ledger.setBaseline(key, { newestEventId: read.events[0]?.id || null, since })
  })
