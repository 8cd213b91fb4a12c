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
    for (const d of read.deployments) {
      yield* ledger.record(key, deploymentKey(d.id), d.status ?? "unknown", null)
      yield* ledger.record(key, deploymentLogKey(d.id), "before", null)
    }
    for (const e of read.events) if (e.id !== "") yield* ledger.record(key, eventKey(e.id), "before", null)
    yield* ledger.setBaseline(key, { newestEventId: read.events[0]?.id || null, since })
  })
