import { appRoute } from "./appRoute.js"
import type { AppStore } from "./appStore.js"
import type { RawEvent } from "./eventSamples.js"
import { pageFromQuery, paginate, positive } from "./pagination.js"
import type { Reply } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"

/** A regional host's event timelines: one app's, and the account's own. Newest first, paginated. */

/** `{events, meta.pagination}`; a page past the last is empty with truthful meta. */
export const eventsPage = (events: ReadonlyArray<RawEvent>, query: Record<string, string>): Reply =>
  pageFromQuery("events", events, query)

/** `from=N` (1 to 72): every event of the last N hours, overriding pagination (DOC events.md). */
const lastHours = (events: ReadonlyArray<RawEvent>, hours: number): Reply => {
  const since = Date.now() - hours * 3_600_000
  const recent = events.filter((event) => Date.parse(String(event["created_at"])) >= since)
  return paginate("events", recent, 1, Math.max(recent.length, 1))
}

export const eventsRoutes = (store: AppStore, region: RegionName): ReadonlyArray<Route> => [
  appRoute(store, region, {
    method: "GET",
    under: "/events",
    permission: "read",
    handle: (context, { app }) => {
      const from = positive(context.query["from"])
      return from !== undefined && from <= 72 ? lastHours(app.events, from) : eventsPage(app.events, context.query)
    }
  }),
  {
    method: "GET",
    pattern: /^\/v1\/events$/,
    auth: "bearer",
    handle: (context, owner) => eventsPage(store.accountEventsOf(owner.account.username, region), context.query)
  }
]
