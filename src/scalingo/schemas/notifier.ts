import { Schema } from "effect"
import {
  Bool,
  lenient,
  lenientArray,
  lenientFields,
  lenientStruct,
  Text,
  TextList,
  withFallback
} from "./events/lenient.js"

/**
 * Notifiers (DOC notifiers.md) and the catalogues they draw on: notification platforms and notifier
 * event types (`app_deployed`…, not the `type` strings of events). A webhook notifier's
 * `type_data.webhook_url` is a secret (the bot's doorbell URL): decoded straight into a Redacted.
 */

export const Notifier = Schema.Struct({
  id: Text,
  selected_event_ids: withFallback(TextList, []),
  ...lenientFields({
    name: Text,
    active: Bool,
    /** The platform's name: `webhook`, `slack`, `email`… */
    type: Text,
    platform_id: Text,
    send_all_events: Bool,
    send_all_alerts: Bool,
    app_id: Text,
    app: Text,
    created_at: Text,
    updated_at: Text,
    type_data: lenientStruct({ webhook_url: Schema.Redacted(Schema.String) })
  })
})
export type Notifier = typeof Notifier.Type

export const NotifiersResponse = Schema.Struct({ notifiers: lenientArray(Notifier) })

/** A created notifier: Go reads the root `notifier`; the docs' request example uses `notifiers` ⚠. */
export const NotifierResponse = Schema.transform(
  Schema.Union(Schema.Struct({ notifier: Notifier }), Schema.Struct({ notifiers: Notifier })),
  Schema.Struct({ notifier: Schema.typeSchema(Notifier) }),
  {
    strict: true,
    decode: (body) => ("notifier" in body ? { notifier: body.notifier } : { notifier: body.notifiers }),
    encode: (body) => body
  }
)

/**
 * A notification platform. `available_event_ids` are the event types it can send; absent (not
 * documented as optional, but not promised either) means no restriction is known.
 */
export const NotificationPlatform = Schema.Struct({
  id: Text,
  name: Text,
  available_event_ids: Schema.optional(lenient(TextList)),
  ...lenientFields({ display_name: Text, description: Text, logo_url: Text })
})
export type NotificationPlatform = typeof NotificationPlatform.Type

export const NotificationPlatformsResponse = Schema.Struct({
  notification_platforms: lenientArray(NotificationPlatform)
})

/** A notifier event type: `{id, name: "app_deployed", display_name?, …}`. */
export const EventType = Schema.Struct({
  id: Text,
  name: Text,
  ...lenientFields({ display_name: Text, description: Text, category_id: Text })
})
export type EventType = typeof EventType.Type

export const EventTypesResponse = Schema.Struct({ event_types: lenientArray(EventType) })

/** What a subscription follows: deployments, crashes, or every event. */
export type SubscriptionKind = "deploys" | "crashes" | "all"

/** The notifier event types behind each kind (DSC: `app_crashed_repeated` fires on every crash). */
const NAMES_OF: Readonly<Record<Exclude<SubscriptionKind, "all">, ReadonlyArray<string>>> = {
  deploys: ["app_deployed"],
  crashes: ["app_crashed", "app_crashed_repeated"]
}

/**
 * The event-type ids a notifier for `kinds` selects: those named for each kind, or every type for
 * `all`, and only ids the platform says it can send (when it says). Duplicates are dropped.
 */
export const eventIdsFor = (
  kinds: ReadonlyArray<SubscriptionKind>,
  eventTypes: ReadonlyArray<EventType>,
  platform: NotificationPlatform
): ReadonlyArray<string> => {
  const names = new Set(kinds.flatMap((kind) => (kind === "all" ? [] : NAMES_OF[kind])))
  const wanted = kinds.includes("all") ? eventTypes : eventTypes.filter((type) => names.has(type.name))
  const available = platform.available_event_ids === undefined ? undefined : new Set(platform.available_event_ids)
  const ids = wanted.map((type) => type.id).filter((id) => available === undefined || available.has(id))
  return [...new Set(ids)]
}
