import { Chunk, Effect, Option, Stream } from "effect"
import { isPathSafeAppName } from "./appName.js"
import { NotFound, type ScalingoError } from "./errors.js"
import { Regions } from "./Regions.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import type { ScalingoEvent } from "./schemas/events/index.js"
import { EventsPage, type EventsPageResult } from "./schemas/pagination.js"

export interface PageRequest {
  readonly page: number
  readonly perPage: number
}

/** Scalingo's largest page is undocumented; 100 is what its clients use (scalingo-api.md §4.2). */
export const MAX_PER_PAGE = 100

/** `page` and `per_page`, always both: Scalingo's default page size is undocumented. */
const pageParams = ({ page, perPage }: PageRequest): Record<string, string> => ({
  page: String(Math.max(1, Math.floor(page) || 1)),
  per_page: String(Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(perPage) || 1)))
})

/** Event timelines, newest first: one app's (`/v1/apps/{app}/events`) and the account's own (`/v1/events`). */
/**
 * A page whose pagination is missing reads as "page 1 of 1"; when a later page was asked for, it is
 * that page, with a previous one, so the person can still page back.
 */
const onRequestedPage = (result: EventsPageResult, requested: number): EventsPageResult =>
  requested > 1 &&
  result.pagination.currentPage === 1 &&
  result.pagination.totalPages === 1 &&
  result.pagination.prevPage === null
    ? {
        ...result,
        pagination: { ...result.pagination, currentPage: requested, prevPage: requested - 1, totalPages: requested }
      }
    : result

export class EventsApi extends Effect.Service<EventsApi>()("bot/scalingo/EventsApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const regions = yield* Regions

    const appEvents = Effect.fn("EventsApi.appEvents")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      page: PageRequest
    ) {
      if (!isPathSafeAppName(app)) return yield* new NotFound({ resource: "app", message: "no app has that name" })
      const result = yield* api.get(account, yield* regions.get(account, region), "/v1/apps/{app}/events", EventsPage, {
        params: { app },
        urlParams: pageParams(page),
        resource: "app"
      })
      return onRequestedPage(result, page.page)
    })

    const accountEvents = Effect.fn("EventsApi.accountEvents")(function* (
      account: ScalingoAccount,
      region: string,
      page: PageRequest
    ) {
      const at = yield* regions.get(account, region)
      const result = yield* api.get(account, at, "/v1/events", EventsPage, { urlParams: pageParams(page) })
      return onRequestedPage(result, page.page)
    })

    /** Every event of an app, page after page in Scalingo's order, one request per page, pulled on demand. */
    const allAppEvents = (
      account: ScalingoAccount,
      region: string,
      app: string,
      perPage: number
    ): Stream.Stream<ScalingoEvent, ScalingoError> =>
      Stream.paginateChunkEffect(1, (page) =>
        Effect.map(
          appEvents(account, region, app, { page, perPage }),
          (result: EventsPageResult) =>
            [
              Chunk.fromIterable(result.events),
              Option.fromNullable(result.pagination.nextPage).pipe(Option.filter((next) => next > page))
            ] as const
        )
      )

    return { appEvents, accountEvents, allAppEvents } as const
  })
}) {}
