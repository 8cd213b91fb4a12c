import {
  actions,
  type Block,
  button,
  context,
  fitsInMessage,
  type Message,
  message,
  say,
  section
} from "../../blockKit/blocks.js"
import { code, plain } from "../../blockKit/text.js"
import type { ScalingoEvent } from "../../scalingo/schemas/events/index.js"
import { eventLine } from "../../views/events/eventLine.js"
import { EVENTS_PAGE_ACTION, type EventsCursor, encodeCursor } from "./eventsCursor.js"

export const PREVIOUS_PAGE = "◀ Previous page"
export const NEXT_PAGE = "Next page ▶"

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

export const eventsParentMessage = (app: string | null, userId: string): Message =>
  message(app === null ? "Account events" : `Events of ${app}`, [
    section(
      app === null
        ? `:scroll: *Account events*, asked by <@${userId}>`
        : `:scroll: *Events of ${plain(app)}*, asked by <@${userId}>`
    ),
    context("Pages are posted in this thread, newest events first.")
  ])

/**
 * One page of events as a thread reply, with Previous/Next buttons carrying their own cursor. A page
 * holds as many of the Scalingo page's events as fit in one Slack message; when some do not, Next
 * resumes with them.
 */
export const eventsPageMessage = (page: EventsPageView, cursor: EventsCursor, askedBy: string): Message => {
  const { currentPage, prevPage, nextPage, totalPages, totalCount } = page.pagination
  const label = cursor.app === null ? "account events" : `events of ${cursor.app}`
  const header = context(
    `Page ${currentPage} of ${Math.max(totalPages, 1)} · ${totalCount} ${label} · region ${code(cursor.region)}` +
      ` · asked by <@${askedBy}>`
  )
  const remaining = page.events.slice(cursor.skip)
  const lines: Array<Block> = []
  for (const event of remaining) {
    const line = eventLine(event, cursor.app === null)
    if (!fitsInMessage([header, ...lines, line])) break
    lines.push(line)
  }
  const shown = cursor.skip + lines.length
  const cut = shown < page.events.length
  const blocks: Array<Block> = [
    header,
    ...(page.events.length === 0
      ? [section(currentPage > 1 ? "There are no events on this page." : "There are no events to show yet.")]
      : lines)
  ]
  // Pages are posted in order under the parent, so the one before is always above in the thread.
  const previous: EventsCursor | undefined =
    cursor.skip > 0
      ? { ...cursor, skip: 0, back: true }
      : prevPage !== null && prevPage >= 1
        ? { ...cursor, page: prevPage, skip: 0, back: true }
        : undefined
  const { back: _, ...forward } = cursor
  const next: EventsCursor | undefined = cut
    ? { ...forward, skip: shown }
    : nextPage !== null && nextPage > currentPage
      ? { ...forward, page: nextPage, skip: 0 }
      : undefined
  const buttons = [
    ...(previous !== undefined
      ? [button({ actionId: EVENTS_PAGE_ACTION, text: PREVIOUS_PAGE, value: encodeCursor(previous) })]
      : []),
    ...(next !== undefined
      ? [button({ actionId: EVENTS_PAGE_ACTION, text: NEXT_PAGE, value: encodeCursor(next), style: "primary" })]
      : [])
  ]
  if (buttons.length > 0) blocks.push(actions("events_pages", buttons))
  return message(`Page ${currentPage} of ${Math.max(totalPages, 1)}: ${label}`, blocks)
}

/** Previous: the page is already in the thread, above; posting it again would only copy it. */
export const alreadyAbove = (page: number): Message =>
  say(`:arrow_up: Page ${page} is already in this thread, above this one: scroll up to it.`)

/** A page whose buttons were used: the same events, without the buttons, so it cannot be paged twice. */
export const withoutButtons = (blocks: ReadonlyArray<unknown>, text: string): Message =>
  message(
    text,
    (blocks as ReadonlyArray<Block>).filter((b) => b.type !== "actions")
  )
