import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Stream } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { EventsApi } from "../../src/scalingo/EventsApi.js"
import { UsersApi } from "../../src/scalingo/UsersApi.js"
import { accountOf, clientLayer, requestsTo, simulator } from "./scalingoTestKit.js"

describe("events", () => {
  it.scopedLive("all pages of the 47-event app come back in order, one request per page", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const { streamed, pages } = yield* Effect.provide(
        Effect.gen(function* () {
          const events = yield* EventsApi
          const firstPage = yield* events.appEvents(alice, "osc-fr1", "forty-seven-events", { page: 1, perPage: 47 })
          sim.clearRequests()
          const streamed = Chunk.toReadonlyArray(
            yield* Stream.runCollect(events.allAppEvents(alice, "osc-fr1", "forty-seven-events", 10))
          )
          return { streamed, pages: firstPage }
        }),
        clientLayer(sim)
      )

      expect(pages.pagination).toMatchObject({ currentPage: 1, nextPage: null, totalCount: 47 })
      expect(streamed).toHaveLength(47)
      expect(streamed.map((e) => e.id)).toEqual(pages.events.map((e) => e.id))
      const pageRequests = requestsTo(sim, { path: "/v1/apps/forty-seven-events/events" })
      expect(pageRequests.map((r) => r.query)).toEqual(
        [1, 2, 3, 4, 5].map((page) => ({ page: String(page), per_page: "10" }))
      )
    })
  )

  it.scopedLive("per_page is sent explicitly and kept within 1 to 100", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const page = yield* Effect.provide(
        Effect.gen(function* () {
          const events = yield* EventsApi
          yield* events.appEvents(alice, "osc-fr1", "alice-web", { page: 1, perPage: 0 })
          return yield* events.accountEvents(alice, "osc-fr1", { page: 2, perPage: 500 })
        }),
        clientLayer(sim)
      )

      expect(requestsTo(sim, { path: "/v1/apps/alice-web/events" })[0]!.query).toEqual({ page: "1", per_page: "1" })
      expect(requestsTo(sim, { path: "/v1/events" })[0]!.query).toEqual({ page: "2", per_page: "100" })
      expect(page.pagination.currentPage).toBe(2)
    })
  )

  it.scopedLive("a later page without pagination metadata is still that page, with a previous one", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ path: "/v1/apps/alice-web/events", status: 200, body: JSON.stringify({ events: [] }) })
      const page = yield* Effect.provide(
        Effect.flatMap(EventsApi, (events) =>
          events.appEvents(alice, "osc-fr1", "alice-web", { page: 3, perPage: 20 })
        ),
        clientLayer(sim)
      )
      expect(page.pagination).toMatchObject({ currentPage: 3, prevPage: 2, nextPage: null })
    })
  )

  it.scopedLive("events of an app the account cannot see are NotFound", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const bob = accountOf(sim, "bob")
      const error = yield* Effect.provide(
        Effect.flatMap(EventsApi, (events) =>
          Effect.flip(events.appEvents(bob, "osc-fr1", "forty-seven-events", { page: 1, perPage: 10 }))
        ),
        clientLayer(sim)
      )

      expect(error._tag === "NotFound" && error.resource).toBe("app")
    })
  )
})

describe("headers", () => {
  it.scopedLive("every request's User-Agent names the bot", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      yield* Effect.provide(
        Effect.gen(function* () {
          yield* (yield* UsersApi).self(alice)
          yield* (yield* AppsApi).listAll(alice)
          yield* (yield* EventsApi).accountEvents(alice, "osc-secnum-fr1", { page: 1, perPage: 5 })
        }),
        clientLayer(sim)
      )

      const agents = new Set(sim.requests.map((r) => r.userAgent))
      expect(sim.requests.length).toBeGreaterThanOrEqual(6)
      expect([...agents]).toHaveLength(1)
      expect([...agents][0]).toMatch(/^scalingo-slack-bot\/\d+\.\d+\.\d+ /)
    })
  )
})
