import { Either, ParseResult, Predicate, Schema } from "effect"
import { ScalingoEvent } from "./events/index.js"
import { lenientStruct, Num } from "./events/lenient.js"

/**
 * `meta.pagination` as Scalingo sends it (scalingo-api.md §4.2): `prev_page`/`next_page` are null
 * when there is none (docs), 0 in Go's eyes, sometimes absent, and numbers may come as strings.
 * Every field is lenient; `normalisePagination` turns it into one dependable shape.
 */
export const Pagination = lenientStruct({
  current_page: Num,
  prev_page: Num,
  next_page: Num,
  total_pages: Num,
  total_count: Num,
  per_page: Num
})
export type Pagination = typeof Pagination.Type

export const PageInfo = Schema.Struct({
  currentPage: Schema.Number,
  prevPage: Schema.NullOr(Schema.Number),
  nextPage: Schema.NullOr(Schema.Number),
  totalPages: Schema.Number,
  totalCount: Schema.Number
})
export type PageInfo = typeof PageInfo.Type

const positiveInt = (n: number | undefined): number | undefined =>
  n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined

/**
 * One dependable page description. Go fixtures show `prev_page: 1, next_page: 1` on a single page,
 * so a previous page must come before the current one and a next page after it (and within
 * `total_pages` when known). Without any pagination, the events are taken as the only page.
 */
export const normalisePagination = (raw: Pagination | undefined, eventCount: number): PageInfo => {
  const currentPage = positiveInt(raw?.current_page) ?? 1
  const knownTotalPages = positiveInt(raw?.total_pages)
  const prev = positiveInt(raw?.prev_page)
  const next = positiveInt(raw?.next_page)
  const prevPage = prev !== undefined && prev < currentPage ? prev : null
  const nextPage =
    next !== undefined && next > currentPage && (knownTotalPages === undefined || next <= knownTotalPages) ? next : null
  const totalPages = Math.max(knownTotalPages ?? 0, nextPage ?? currentPage, currentPage)
  const count = raw?.total_count
  const totalCount = count !== undefined && Number.isInteger(count) && count >= 0 ? count : eventCount
  return { currentPage, prevPage, nextPage, totalPages, totalCount }
}

/** The events of a page, keeping every entry that decodes (only non-objects fail) and dropping the rest. */
const PageEvents = Schema.transformOrFail(Schema.Unknown, Schema.Array(Schema.typeSchema(ScalingoEvent)), {
  strict: true,
  decode: (input, options, ast) => {
    if (!Array.isArray(input)) return ParseResult.fail(new ParseResult.Type(ast, input, "expected an array of events"))
    const decode = ParseResult.decodeUnknownEither(ScalingoEvent)
    return ParseResult.succeed(
      input.flatMap((raw) => Either.match(decode(raw, options), { onLeft: () => [], onRight: (event) => [event] }))
    )
  },
  encode: (events, options) => ParseResult.encodeUnknownEither(Schema.Array(ScalingoEvent))(events, options)
})

/** `meta` with `pagination` inside (the real API), or the pagination fields directly (scalingo.js' typing). */
export const Meta = Schema.transform(Schema.Unknown, Schema.UndefinedOr(Schema.typeSchema(Pagination)), {
  strict: true,
  decode: (meta) => {
    if (!Predicate.isRecord(meta)) return undefined
    const pagination = Predicate.isRecord(meta.pagination) ? meta.pagination : meta
    return Either.getOrUndefined(Schema.decodeUnknownEither(Pagination)(pagination))
  },
  encode: (pagination) => (pagination === undefined ? undefined : { pagination })
})

/** A page's position back in Scalingo's `meta` fields (how a normalised page is encoded). */
export const metaOf = (pagination: PageInfo): Pagination => ({
  current_page: pagination.currentPage,
  prev_page: pagination.prevPage ?? undefined,
  next_page: pagination.nextPage ?? undefined,
  total_pages: pagination.totalPages,
  total_count: pagination.totalCount
})

const RawEventsPage = Schema.Struct({ events: PageEvents, meta: Schema.optional(Meta) })

export const EventsPageResult = Schema.Struct({
  events: Schema.Array(Schema.typeSchema(ScalingoEvent)),
  pagination: PageInfo
})
/** A decoded page of events: the events, newest first as Scalingo sends them, and where it sits. */
export type EventsPageResult = typeof EventsPageResult.Type

/** `GET /v1/apps/{app}/events` and `GET /v1/events` bodies, normalised to `EventsPageResult`. */
export const EventsPage = Schema.transform(RawEventsPage, EventsPageResult, {
  strict: true,
  decode: ({ events, meta }) => ({ events, pagination: normalisePagination(meta, events.length) }),
  encode: ({ events, pagination }) => ({
    events,
    meta: metaOf(pagination)
  })
})
