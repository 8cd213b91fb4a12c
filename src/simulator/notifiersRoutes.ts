import type { AppEvents } from "./appEvents.js"
import { webhookUrlOf } from "./appEvents.js"
import { appRoute } from "./appRoute.js"
import { parseJson } from "./appsRoutes.js"
import type { AppStore } from "./appStore.js"
import { isoDate, stableUuid } from "./ids.js"
import { EVENT_TYPES, PLATFORMS } from "./notifierCatalogue.js"
import { readNotifier } from "./notifierRules.js"
import type { AppRecord, NotifierRecord } from "./records.js"
import { empty, json, type Reply } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"
import type { Webhooks } from "./webhooks.js"

/** An app's notifiers (DOC notifiers.md), and the platform and event-type catalogues they use. */

export const notifierJson = (app: AppRecord, notifier: NotifierRecord): Record<string, unknown> => ({
  id: notifier.id,
  name: notifier.name,
  active: notifier.active,
  type: notifier.platformName,
  platform_id: notifier.platformId,
  created_at: notifier.createdAt,
  updated_at: notifier.updatedAt,
  send_all_alerts: notifier.sendAllAlerts,
  send_all_events: notifier.sendAllEvents,
  selected_event_ids: [...notifier.selectedEventIds],
  app_id: app.id,
  app: app.name,
  type_data: structuredClone(notifier.typeData)
})

/** The `*_notifier` events' type_data (GO events_structs.go), webhook URL included, as Scalingo records it. */
const eventData = (notifier: NotifierRecord): Record<string, unknown> => ({
  notifier_name: notifier.name,
  active: notifier.active,
  send_all_events: notifier.sendAllEvents,
  selected_events: notifier.selectedEventIds.map((id) => EVENT_TYPES.find((entry) => entry.id === id)?.name),
  notifier_type: notifier.platformName,
  notifier_type_data: structuredClone(notifier.typeData),
  platform_name: notifier.platformName
})

const notifierNotFound = (): Reply => json(404, { resource: "notifier", error: "not found" })

export const notifiersRoutes = (
  store: AppStore,
  region: RegionName,
  events: AppEvents,
  webhooks: Webhooks
): ReadonlyArray<Route> => {
  const byId = (app: AppRecord, id: string | undefined) => app.notifiers.find((notifier) => notifier.id === id)
  return [
    appRoute(store, region, {
      method: "GET",
      under: "/notifiers",
      permission: "read",
      handle: (_context, { app }) => json(200, { notifiers: app.notifiers.map((n) => notifierJson(app, n)) })
    }),
    appRoute(store, region, {
      method: "POST",
      under: "/notifiers",
      permission: "configure",
      handle: async (context, { app, account }) => {
        const body = parseJson(await context.readBody())
        if (!body.ok) return json(400, { error: `There was a problem in the JSON you submitted: ${body.reason}` })
        const read = readNotifier(body.value, true)
        if (!read.ok) return read.reply
        const { fields } = read
        const now = isoDate(Date.now())
        const notifier: NotifierRecord = {
          id: `no-${stableUuid(`notifier:${app.id}:${Date.now()}:${Math.random()}`)}`,
          createdAt: now,
          updatedAt: now,
          name: fields.name!,
          active: fields.active ?? true,
          platformId: fields.platform!.id,
          platformName: fields.platform!.name,
          sendAllEvents: fields.sendAllEvents ?? false,
          sendAllAlerts: fields.sendAllAlerts ?? false,
          selectedEventIds: fields.selectedEventIds ?? [],
          typeData: fields.typeData ?? {}
        }
        app.notifiers.push(notifier)
        events.record(app, "new_notifier", eventData(notifier), events.userOf(app, account.account.username))
        return json(201, { notifier: notifierJson(app, notifier) })
      }
    }),
    appRoute(store, region, {
      method: "GET",
      under: "/notifiers/([^/]+)",
      permission: "read",
      handle: (_context, { app }, [id]) => {
        const notifier = byId(app, id)
        return notifier === undefined ? notifierNotFound() : json(200, { notifier: notifierJson(app, notifier) })
      }
    }),
    appRoute(store, region, {
      method: "PATCH",
      under: "/notifiers/([^/]+)",
      permission: "configure",
      handle: async (context, { app, account }, [id]) => {
        const notifier = byId(app, id)
        if (notifier === undefined) return notifierNotFound()
        const body = parseJson(await context.readBody())
        if (!body.ok) return json(400, { error: `There was a problem in the JSON you submitted: ${body.reason}` })
        const platform = PLATFORMS.find((candidate) => candidate.id === notifier.platformId)
        const read = readNotifier(body.value, false, platform)
        if (!read.ok) return read.reply
        const { fields } = read
        if (fields.name !== undefined) notifier.name = fields.name
        if (fields.active !== undefined) notifier.active = fields.active
        if (fields.sendAllEvents !== undefined) notifier.sendAllEvents = fields.sendAllEvents
        if (fields.sendAllAlerts !== undefined) notifier.sendAllAlerts = fields.sendAllAlerts
        if (fields.selectedEventIds !== undefined) notifier.selectedEventIds = fields.selectedEventIds
        if (fields.typeData !== undefined) notifier.typeData = { ...notifier.typeData, ...fields.typeData }
        notifier.updatedAt = isoDate(Date.now())
        events.record(app, "edit_notifier", eventData(notifier), events.userOf(app, account.account.username))
        return json(200, { notifier: notifierJson(app, notifier) })
      }
    }),
    appRoute(store, region, {
      method: "DELETE",
      under: "/notifiers/([^/]+)",
      permission: "configure",
      handle: (_context, { app, account }, [id]) => {
        const notifier = byId(app, id)
        if (notifier === undefined) return notifierNotFound()
        app.notifiers = app.notifiers.filter((candidate) => candidate !== notifier)
        events.record(app, "delete_notifier", eventData(notifier), events.userOf(app, account.account.username))
        return empty(204)
      }
    }),
    appRoute(store, region, {
      method: "POST",
      under: "/notifiers/([^/]+)/test",
      permission: "configure",
      handle: (_context, { app, account }, [id]) => {
        const notifier = byId(app, id)
        if (notifier === undefined) return notifierNotFound()
        const url = webhookUrlOf(notifier)
        // The test payload is undocumented: an event-shaped body of type "test" naming the notifier.
        const data = { notifier_id: notifier.id, notifier_name: notifier.name }
        const sample = events.preview(app, "test", data, events.userOf(app, account.account.username))
        if (url !== undefined) webhooks.send({ notifierId: notifier.id, app: app.name, url }, sample)
        return empty(204)
      }
    })
  ]
}

/** Catalogues GO and JS read without auth (a bearer, when sent, is checked and counted). */
export const catalogueRoutes: ReadonlyArray<Route> = [
  {
    method: "GET",
    pattern: /^\/v1\/notification_platforms$/,
    auth: "optional",
    handle: () => json(200, { notification_platforms: PLATFORMS.map((platform) => platform.json) })
  },
  {
    method: "GET",
    pattern: /^\/v1\/notification_platforms\/search$/,
    auth: "optional",
    handle: (context) =>
      json(200, {
        notification_platforms: PLATFORMS.filter((platform) => platform.name === context.query["name"]).map(
          (platform) => platform.json
        )
      })
  },
  {
    method: "GET",
    pattern: /^\/v1\/notification_platforms\/([^/]+)$/,
    auth: "optional",
    handle: (_context, _account, [id]) => {
      const platform = PLATFORMS.find((candidate) => candidate.id === id)
      return platform === undefined
        ? json(404, { resource: "notification_platform", error: "not found" })
        : json(200, { notification_platform: platform.json })
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/event_types$/,
    auth: "optional",
    handle: () => json(200, { event_types: EVENT_TYPES.map((entry) => entry.json) })
  }
]
