import { appNotFound } from "./appsRoutes.js"
import type { AppStore } from "./appStore.js"
import type { RawEvent } from "./eventSamples.js"
import { json, type Reply } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"

/** A regional host's event timelines: one app's, and the account's own. Newest first, paginated. */

const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100

const positive = (value: string | undefined): number | undefined => {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10)
  return Number.isFinite(parsed) && parsed >= 1 ? parsed : undefined
}

/** `{events, meta.pagination}`; a page past the last is empty with truthful meta. */
export const eventsPage = (events: ReadonlyArray<RawEvent>, query: Record<string, string>): Reply =>
  paginate(
    events,
    positive(query["page"]) ?? 1,
    Math.min(positive(query["per_page"]) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE)
  )

const paginate = (events: ReadonlyArray<RawEvent>, page: number, perPage: number): Reply => {
  const totalCount = events.length
  const totalPages = Math.ceil(totalCount / perPage)
  return json(200, {
    events: events.slice((page - 1) * perPage, page * perPage),
    meta: {
      pagination: {
        current_page: page,
        prev_page: page > 1 ? page - 1 : null,
        next_page: page < totalPages ? page + 1 : null,
        total_pages: totalPages,
        total_count: totalCount
      }
    }
  })
}

/** `from=N` (1 to 72): every event of the last N hours, overriding pagination (DOC events.md). */
const lastHours = (events: ReadonlyArray<RawEvent>, hours: number): Reply => {
  const since = Date.now() - hours * 3_600_000
  const recent = events.filter((event) => Date.parse(String(event["created_at"])) >= since)
  return paginate(recent, 1, Math.max(recent.length, 1))
}

export const eventsRoutes = (store: AppStore, region: RegionName): ReadonlyArray<Route> => [
  {
    method: "GET",
    pattern: /^\/v1\/apps\/([^/]+)\/events$/,
    auth: "bearer",
    handle: (context, owner, [name]) => {
      const app = store.find(region, name!, owner.account.username)
      if (app === undefined) return appNotFound()
      const from = positive(context.query["from"])
      return from !== undefined && from <= 72 ? lastHours(app.events, from) : eventsPage(app.events, context.query)
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/events$/,
    auth: "bearer",
    handle: (context, owner) => eventsPage(store.accountEventsOf(owner.account.username, region), context.query)
  }
]
