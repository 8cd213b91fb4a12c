import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { EventsApi } from "../../src/scalingo/EventsApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import { accountOf, clientLayer, simulator } from "./scalingoTestKit.js"

describe("EventsApi for polling", () => {
  it.scopedLive("page 1 is the newest: an event that just happened comes first, in one request", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const tally: Tally = { requests: [] }
      const events = yield* Effect.provide(EventsApi, clientLayer(sim))
      const before = yield* events.appEvents(alice, "osc-fr1", "alice-web", { page: 1, perPage: 5 })
      const crash = sim.crashApp("alice", "osc-fr1", "alice-web", { repeated: true })
      const after = yield* withTally(events.appEvents(alice, "osc-fr1", "alice-web", { page: 1, perPage: 5 }), tally)

      expect(after.events[0]).toMatchObject({ id: crash["id"], type: "repeated_crash", app_name: "alice-web" })
      expect(after.events.slice(1).map((e) => e.id)).toEqual(before.events.slice(0, 4).map((e) => e.id))
      expect(after.pagination.totalCount).toBe(before.pagination.totalCount + 1)
      expect(tally.requests).toEqual(["GET /v1/apps/{app}/events"])
    })
  )
})
