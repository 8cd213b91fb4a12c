import { fn } from "../tracing/fn.js"
import { Duration, Effect, Redacted } from "effect"
import { AppResources } from "./AppResources.js"
import { NotFound } from "./errors.js"
import { hideSecrets } from "./hideSecrets.js"
import { Regions } from "./Regions.js"
import { makeRegionCatalogue } from "./regionCatalogue.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import {
  EventTypesResponse,
  NotificationPlatformsResponse,
  NotifierResponse,
  NotifiersResponse
} from "./schemas/notifier.js"

export { eventIdsFor, type SubscriptionKind } from "./schemas/notifier.js"

export interface NewWebhookNotifier {
  readonly name: string
  /** Where Scalingo will POST: a secret URL, never logged or shown. */
  readonly webhookUrl: Redacted.Redacted<string>
  /** Notifier event-type ids (see `eventIdsFor`). */
  readonly eventIds: ReadonlyArray<string>
}

/** Both catalogues are the same for every account and change rarely. */
const CATALOGUE_TTL = Duration.hours(1)

/** Webhook notifiers on an app (`/v1/apps/{app}/notifiers`): how subscriptions hear of events within seconds. */
export class NotifiersApi extends Effect.Service<NotifiersApi>()("bot/scalingo/NotifiersApi", {
  effect: Effect.gen(function* () {
    const regions = yield* Regions
    const apps = yield* AppResources
    const platforms = yield* makeRegionCatalogue({
      template: "/v1/notification_platforms/search",
      urlParams: { name: "webhook" },
      schema: NotificationPlatformsResponse,
      timeToLive: CATALOGUE_TTL
    })
    const eventTypeCatalogue = yield* makeRegionCatalogue({
      template: "/v1/event_types",
      schema: EventTypesResponse,
      timeToLive: CATALOGUE_TTL
    })

    /** The `webhook` notification platform of the region. */
    const webhookPlatform = fn("NotifiersApi.webhookPlatform")(function* (account: ScalingoAccount, region: string) {
      const at = yield* regions.get(account, region)
      const { notification_platforms } = yield* platforms.get(account, at)
      const webhook = notification_platforms.find((platform) => platform.name === "webhook")
      if (webhook === undefined) {
        yield* platforms.invalidate(account, at)
        return yield* new NotFound({
          resource: "notification_platform",
          message: "Scalingo lists no webhook notification platform in this region"
        })
      }
      return webhook
    })

    /** Every notifier event type of the region (`app_deployed`, `app_crashed`…). */
    const eventTypes = fn("NotifiersApi.eventTypes")(function* (account: ScalingoAccount, region: string) {
      return (yield* eventTypeCatalogue.get(account, yield* regions.get(account, region))).event_types
    })

    const list = fn("NotifiersApi.list")(function* (account: ScalingoAccount, region: string, app: string) {
      const { notifiers } = yield* apps.of(account, region, app).get("/v1/apps/{app}/notifiers", NotifiersResponse)
      return notifiers
    })

    /** Adds an active webhook notifier for the given event types only. A change: never sent twice. */
    const create = fn("NotifiersApi.create")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      notifier: NewWebhookNotifier
    ) {
      const platform = yield* webhookPlatform(account, region)
      const webhookUrl = Redacted.value(notifier.webhookUrl)
      const body = {
        notifier: {
          platform_id: platform.id,
          name: notifier.name,
          active: true,
          send_all_events: false,
          send_all_alerts: false,
          selected_event_ids: notifier.eventIds,
          type_data: { webhook_url: webhookUrl }
        }
      }
      const created = yield* apps
        .of(account, region, app)
        .post("/v1/apps/{app}/notifiers", body, NotifierResponse, { change: true })
        // Scalingo might quote the URL back in a refusal: it is a secret, so it is hidden there too.
        .pipe(Effect.mapError(hideSecrets([webhookUrl])))
      return created.notifier
    })

    /** Removes a notifier. A change; one already gone (404) is what was wanted. */
    const remove = fn("NotifiersApi.remove")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      id: string
    ) {
      return yield* apps
        .of(account, region, app)
        .delete("/v1/apps/{app}/notifiers/{id}", { params: { id }, resource: "notifier" })
        .pipe(
          Effect.as("removed" as const),
          Effect.catchTag("NotFound", () => Effect.succeed("already-gone" as const))
        )
    })

    return { webhookPlatform, eventTypes, list, create, remove } as const
  })
}) {}
