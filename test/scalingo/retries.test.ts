import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator, unusedLoopbackUrl } from "./scalingoTestKit.js"

describe("retries", () => {
  it.scopedLive("a read failing twice with 503 then succeeding returns the data after exactly 3 requests", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-fr1", method: "GET", path: "/v1/apps", status: 503, times: 2 })

      const apps = yield* Effect.provide(
        Effect.flatMap(AppsApi, (api) => api.list(alice, "osc-fr1")),
        clientLayer(sim)
      )

      expect(apps.map((app) => app.name)).toContain("forty-seven-events")
      expect(requestsTo(sim, { host: "osc-fr1", method: "GET", path: "/v1/apps" }).map((r) => r.status)).toEqual([
        503, 503, 200
      ])
    })
  )

  it.scopedLive("a persistent 500 ends in ScalingoUnavailable within the attempt bound", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-fr1", method: "GET", path: "/v1/apps", status: 500 })

      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (api) => Effect.flip(api.list(alice, "osc-fr1"))),
        clientLayer(sim, { options: { maxAttempts: 4 } })
      )

      expect(fieldsOf(error)).toMatchObject({
        _tag: "ScalingoUnavailable",
        reason: "server-error",
        status: 500,
        mayHaveApplied: false
      })
      expect(requestsTo(sim, { host: "osc-fr1", path: "/v1/apps" })).toHaveLength(4)
    })
  )

  it.scopedLive(
    "a read that outlives the request timeout ends in ScalingoUnavailable (timeout) after bounded retries",
    () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        sim.faults.add({ host: "osc-fr1", method: "GET", path: "/v1/apps", latencyMs: 2_000 })

        const error = yield* Effect.provide(
          Effect.flatMap(AppsApi, (api) => Effect.flip(api.list(alice, "osc-fr1"))),
          clientLayer(sim, { options: { requestTimeout: "150 millis", maxAttempts: 3 } })
        )

        expect(fieldsOf(error)).toMatchObject({ _tag: "ScalingoUnavailable", reason: "timeout", mayHaveApplied: false })
        expect(requestsTo(sim, { host: "osc-fr1", path: "/v1/apps" }).length).toBeLessThanOrEqual(3)
      })
  )

  it.scopedLive("a create whose response is lost is not sent twice and may have applied", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-fr1", method: "POST", path: "/v1/apps", reset: true })

      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (api) => Effect.flip(api.create(alice, "osc-fr1", { name: "lost-answer-app" }))),
        clientLayer(sim)
      )

      expect(fieldsOf(error)).toMatchObject({ _tag: "ScalingoUnavailable", reason: "transport", mayHaveApplied: true })
      expect(requestsTo(sim, { host: "osc-fr1", method: "POST", path: "/v1/apps" })).toHaveLength(1)
    })
  )

  it.scopedLive("a create answered 503 is not retried and may have applied", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-fr1", method: "POST", path: "/v1/apps", status: 503 })

      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (api) => Effect.flip(api.create(alice, "osc-fr1", { name: "busy-server-app" }))),
        clientLayer(sim)
      )

      expect(fieldsOf(error)).toMatchObject({
        _tag: "ScalingoUnavailable",
        reason: "server-error",
        mayHaveApplied: true
      })
      expect(requestsTo(sim, { host: "osc-fr1", method: "POST", path: "/v1/apps" })).toHaveLength(1)
    })
  )

  it.scopedLive("a create against an unreachable region reports that nothing was applied", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      // The region list names an API where nothing listens: the connection is refused before anything is sent.
      const nowhere = yield* unusedLoopbackUrl
      sim.faults.add({
        host: "auth",
        method: "GET",
        path: "/v1/regions",
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ regions: [{ name: "osc-fr1", display_name: "Paris - Outscale", api: nowhere }] })
      })

      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (api) => Effect.flip(api.create(alice, "osc-fr1", { name: "unreachable-app" }))),
        clientLayer(sim)
      )

      expect(fieldsOf(error)).toMatchObject({ _tag: "ScalingoUnavailable", reason: "transport", mayHaveApplied: false })
    })
  )
})
