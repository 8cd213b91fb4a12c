import { Schema } from "effect"
import { LIMITS } from "../../blockKit/limits.js"
import { AppName, jsonCodec, MessageTs, PageNumber, PageSize, RegionName, SlackUserId } from "../../runtime/codecs.js"

export const EVENTS_PAGE_ACTION = "events_page"
export const EVENTS_PER_PAGE = 20

/**
 * Everything a page button needs so that any replica can serve the click: the app (null for the
 * account's own events), region, Scalingo page and page size, the thread, where to resume on a page
 * that was too heavy to show whole (`s`, events to skip), and whose account events these are (`o`).
 */
const CursorFields = Schema.Struct({
  a: Schema.NullOr(AppName),
  r: RegionName,
  p: PageNumber,
  n: PageSize,
  t: MessageTs,
  s: Schema.optional(Schema.Int.pipe(Schema.between(0, 100))),
  o: Schema.optional(SlackUserId),
  b: Schema.optional(Schema.Literal(1))
})

export interface EventsCursor {
  readonly app: string | null
  readonly region: string
  readonly page: number
  readonly perPage: number
  readonly threadTs: string
  /** Events of this Scalingo page already shown on the previous Slack page. */
  readonly skip: number
  /** Account listings only: the Slack user whose account events these are. */
  readonly owner?: string
  /** A Previous button: the page it names is already in the thread, above the one clicked. */
  readonly back?: boolean
}

const codec = jsonCodec(CursorFields, LIMITS.buttonValue)

export const encodeCursor = (cursor: EventsCursor): string =>
  codec.encode({
    a: cursor.app,
    r: cursor.region,
    p: cursor.page,
    n: cursor.perPage,
    t: cursor.threadTs,
    ...(cursor.skip > 0 ? { s: cursor.skip } : {}),
    ...(cursor.back === true ? { b: 1 as const } : {}),
    // An id Slack would never send cannot own a listing: the button then serves nobody.
    ...(cursor.owner !== undefined && Schema.is(SlackUserId)(cursor.owner) ? { o: cursor.owner } : {})
  })

export const decodeCursor = (value: string): EventsCursor | undefined => {
  const decoded = codec.decode(value)
  if (decoded._tag === "None") return undefined
  const { a, r, p, n, t, s, o, b } = decoded.value
  return {
    app: a,
    region: r,
    page: p,
    perPage: n,
    threadTs: t,
    skip: s ?? 0,
    ...(o !== undefined ? { owner: o } : {}),
    ...(b === 1 ? { back: true } : {})
  }
}
