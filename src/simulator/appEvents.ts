import type { Accounts } from "./accounts.js"
import type { AppStore } from "./appStore.js"
import type { RawEvent } from "./eventSamples.js"
import { isoDate, objectId } from "./ids.js"
import { eventTypeIdsOf } from "./notifierCatalogue.js"
import type { SimEventUser } from "./operateTypes.js"
import type { AppRecord, NotifierRecord } from "./records.js"
import type { Webhooks } from "./webhooks.js"

/**
 * Events that happen while the simulator runs (a deployment ends, a restart is done, a crash, a test's
 * `appendEvent`): on top of the app's timeline and its owner's, then to every active notifier that
 * wants them (`send_all_events`, or a selected type covering the event).
 */

export const PLATFORM_USER: SimEventUser = {
  username: "scalingo-platform",
  email: "deploy@scalingo.com",
  id: "us-b32ca09d-1608-4e6f-8f14-302b447b0e14"
}

export const wants = (notifier: NotifierRecord, type: string): boolean =>
  notifier.active &&
  (notifier.sendAllEvents || eventTypeIdsOf(type).some((id) => notifier.selectedEventIds.includes(id)))

/** Where a notifier posts, when it posts over HTTP at all (email notifiers do not). */
export const webhookUrlOf = (notifier: NotifierRecord): string | undefined => {
  const url = notifier.typeData["webhook_url"]
  return typeof url === "string" && /^https?:\/\//.test(url) ? url : undefined
}

export class AppEvents {
  constructor(
    private readonly accounts: Accounts,
    private readonly store: AppStore,
    private readonly webhooks: Webhooks
  ) {}

  /** A user of the simulator by username, or the owner when absent. */
  userOf(app: AppRecord, user: string | SimEventUser | undefined): SimEventUser {
    if (typeof user === "object") return user
    const { id, username, email } = this.accounts.require(user ?? app.owner).account
    return { id, username, email }
  }

  /** The event as it would be recorded, without recording it. */
  preview(app: AppRecord, type: string, typeData: Record<string, unknown>, user: SimEventUser): RawEvent {
    const now = Date.now()
    return {
      id: objectId(now),
      created_at: isoDate(now),
      user: { username: user.username, email: user.email, id: user.id },
      app_id: app.id,
      app_name: app.name,
      type,
      type_data: typeData
    }
  }

  record(app: AppRecord, type: string, typeData: Record<string, unknown>, user: SimEventUser): RawEvent {
    const event = this.preview(app, type, typeData, user)
    if (!app.alive) return event
    app.events.unshift(event)
    this.store.accountEventsOf(app.owner, app.region).unshift(structuredClone(event))
    this.notify(app, event)
    return event
  }

  private notify(app: AppRecord, event: RawEvent): void {
    for (const notifier of app.notifiers) {
      const url = webhookUrlOf(notifier)
      if (url === undefined || !wants(notifier, String(event["type"]))) continue
      this.webhooks.send({ notifierId: notifier.id, app: app.name, url }, structuredClone(event))
    }
  }
}
