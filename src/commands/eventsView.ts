import type { ScalingoEvent } from "../scalingo/schemas/events/index.js"
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  message,
  section,
  slackDate,
  type Block,
  type Message
} from "../slack/blocks.js"
import { describeEvent } from "./events/describeEvent.js"

export const EVENTS_PAGE_ACTION = "events_page"
export const EVENTS_PER_PAGE = 20

/** Everything a page button needs so that any replica can serve the click. */
export interface EventsCursor {
  readonly app: string | null
  readonly region: string
  readonly page: number
  readonly perPage: number
  readonly threadTs: string
}

export interface EventsPageView {
  readonly events: ReadonlyArray<ScalingoEvent>
  readonly pagination: {
    readonly currentPage: number
    readonly prevPage: number | null
    readonly nextPage: number | null
    readonly totalPages: number
    readonly totalCount: number
  }
}

export const encodeCursor = (cursor: EventsCursor): string =>
  JSON.stringify({ a: cursor.app, r: cursor.region, p: cursor.page, n: cursor.perPage, t: cursor.threadTs })

/** Reads a button value back; anything malformed or out of range is refused (the value is user-controllable). */
export const decodeCursor = (value: string): EventsCursor | undefined => {
  try {
    const raw = JSON.parse(value) as Record<string, unknown>
    const { a, r, p, n, t } = raw
    if (!(a === null || (typeof a === "string" && /^[a-z0-9][a-z0-9-]{0,62}$/.test(a)))) return undefined
    if (typeof r !== "string" || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(r)) return undefined
    if (typeof p !== "number" || !Number.isSafeInteger(p) || p < 1 || p > 100_000) return undefined
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1 || n > 100) return undefined
    if (typeof t !== "string" || !/^\d{1,12}\.\d{1,8}$/.test(t)) return undefined
    return { app: a, region: r, page: p, perPage: n, threadTs: t }
  } catch {
    return undefined
  }
}

const eventBlock = (event: ScalingoEvent): Block => {
  const d = describeEvent(event)
  const when = d.at !== undefined && !Number.isNaN(d.at.getTime()) ? slackDate(d.at) : "at an unknown time"
  const where = d.appName !== undefined ? ` · ${escapeMrkdwn(d.appName)}` : ""
  const link = d.link !== undefined ? ` · <${d.link.url}|${escapeMrkdwn(d.link.label)}>` : ""
  return section(`*${escapeMrkdwn(d.title)}*${where}\n${d.sentence}\n_${escapeMrkdwn(d.who)} · ${when}_${link}`)
}

export const eventsParentMessage = (app: string | null, userId: string): Message =>
  message(app === null ? "Account events" : `Events of ${app}`, [
    section(
      app === null
        ? `:scroll: *Account events*, asked by <@${userId}>`
        : `:scroll: *Events of ${escapeMrkdwn(app)}*, asked by <@${userId}>`
    ),
    context("Pages are posted in this thread, newest events first.")
  ])

/** One page of events as a thread reply, with Previous/Next buttons carrying their own cursor. */
export const eventsPageMessage = (page: EventsPageView, cursor: EventsCursor): Message => {
  const { currentPage, prevPage, nextPage, totalPages, totalCount } = page.pagination
  const label = cursor.app === null ? "account events" : `events of ${cursor.app}`
  const blocks: Array<Block> = [
    context(
      `Page ${currentPage} of ${Math.max(totalPages, 1)} · ${totalCount} ${label} · region \`${escapeMrkdwn(cursor.region)}\``
    ),
    ...(page.events.length === 0
      ? [section(currentPage > 1 ? "There are no events on this page." : "There are no events to show yet.")]
      : page.events.slice(0, 45).map(eventBlock))
  ]
  const buttons = [
    ...(prevPage !== null && prevPage >= 1
      ? [
          button({
            actionId: EVENTS_PAGE_ACTION,
            text: "◀ Previous page",
            value: encodeCursor({ ...cursor, page: prevPage })
          })
        ]
      : []),
    ...(nextPage !== null && nextPage > currentPage
      ? [
          button({
            actionId: EVENTS_PAGE_ACTION,
            text: "Next page ▶",
            value: encodeCursor({ ...cursor, page: nextPage }),
            style: "primary" as const
          })
        ]
      : [])
  ]
  if (buttons.length > 0) blocks.push(actions("events_pages", buttons))
  return message(`Page ${currentPage} of ${Math.max(totalPages, 1)}: ${label}`, blocks)
}
