import { fn } from "../tracing/fn.js"
import { Chunk, Effect, Option, Stream } from "effect"
import { AppResources } from "./AppResources.js"
import type { ScalingoError } from "./errors.js"
import { Regions } from "./Regions.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { onRequestedPage, type PageRequest, pageParams } from "./paging.js"
import { ScalingoApi } from "./ScalingoApi.js"
import type { ScalingoEvent } from "./schemas/events/index.js"
import { EventsPage, type EventsPageResult } from "./schemas/pagination.js"

export { MAX_PER_PAGE, type PageRequest } from "./paging.js"

export class EventsApi extends Effect.Service<EventsApi>()("bot/scalingo/EventsApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const regions = yield* Regions
    const apps = yield* AppResources

    const appEvents = fn("EventsApi.appEvents")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      page: PageRequest
    ) {
      const result = yield* apps
        .of(account, region, app)
        .get("/v1/apps/{app}/events", EventsPage, { urlParams: pageParams(page) })
      return onRequestedPage(result, page.page)
    })

    const accountEvents = fn("EventsApi.accountEvents")(function* (
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
