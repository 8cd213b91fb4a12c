import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted, Schema } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { Regions } from "../../src/scalingo/Regions.js"
import { withTally } from "../../src/scalingo/RequestTally.js"
import { ScalingoApi } from "../../src/scalingo/ScalingoApi.js"
import { recordingLogger, recordingTracer } from "./observe.js"
import {
  accountOf,
  clientLayer,
  fieldsOf,
  requestsTo,
  simulator,
  unusedLoopbackUrl,
  freshTally,
  oneRegionAt
} from "./scalingoTestKit.js"

describe("requests of every kind", () => {
  it.scopedLive("a text GET reads a text/plain body, such as a deployment's build output", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const output = "-----> Building\n-----> Done\n"
      sim.faults.add({
        path: "/v1/apps/alice-web/deployments/d-1/output",
        status: 200,
        body: output,
        contentType: "text/plain"
      })
      const text = yield* Effect.gen(function* () {
        const region = yield* (yield* Regions).get(alice, "osc-fr1")
        return yield* (yield* ScalingoApi).getText(alice, region, "/v1/apps/{app}/deployments/{deployment}/output", {
          params: { app: "alice-web", deployment: "d-1" }
        })
      }).pipe(Effect.provide(clientLayer(sim)))
      expect(text).toBe(output)
    })
  )

  it.scopedLive("PATCH and DELETE are changes: never sent twice once they may have reached Scalingo", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ method: "PATCH", path: "/v1/apps/alice-web", status: 503 })
      sim.faults.add({ method: "DELETE", path: "/v1/apps/alice-web/caches/deployment", reset: true })
      const [patched, deleted] = yield* Effect.gen(function* () {
        const api = yield* ScalingoApi
        const region = yield* (yield* Regions).get(alice, "osc-fr1")
        const patched = yield* Effect.flip(
          api.patch(alice, region, "/v1/apps/{app}", { app: { force_https: true } }, Schema.Unknown, {
            params: { app: "alice-web" }
          })
        )
        const deleted = yield* Effect.flip(
          api.delete(alice, region, "/v1/apps/{app}/caches/deployment", { params: { app: "alice-web" } })
        )
        return [patched, deleted] as const
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(fieldsOf(patched)).toMatchObject({ _tag: "ScalingoUnavailable", mayHaveApplied: true, status: 503 })
      expect(fieldsOf(deleted)).toMatchObject({
        _tag: "ScalingoUnavailable",
        reason: "transport",
        mayHaveApplied: true
      })
      expect(requestsTo(sim, { method: "PATCH" })).toHaveLength(1)
      expect(requestsTo(sim, { method: "DELETE" })).toHaveLength(1)
    })
  )

  it.scopedLive("a change whose connection is refused is tried again, since it cannot have been applied", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add(oneRegionAt(yield* unusedLoopbackUrl))
      const tally = freshTally()
      const error = yield* Effect.flatMap(AppsApi, (apps) =>
        Effect.flip(apps.create(alice, "osc-fr1", { name: "never-reached" }))
      ).pipe((effect) => withTally(effect, tally), Effect.provide(clientLayer(sim, { options: { maxAttempts: 3 } })))

      expect(fieldsOf(error)).toMatchObject({ _tag: "ScalingoUnavailable", reason: "transport", mayHaveApplied: false })
      expect(tally.requests.filter((r) => r === "POST /v1/apps")).toHaveLength(3)
    })
  )

  it.scopedLive("a URL with a secret in it (logs_url) gets no bearer and is never traced or logged with its URL", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const secret = "logs-token-0123456789abcdef"
      sim.faults.add({
        host: "osc-fr1",
        path: "/apps/alice-web/logs",
        status: 200,
        body: "[web-1] hi",
        contentType: "text/plain"
      })
      const url = Redacted.make(`${sim.regions[0]!.apiUrl}/apps/alice-web/logs?token=${secret}`)
      const { tracer, recorded } = yield* recordingTracer
      const logs = recordingLogger()
      const text = yield* Effect.flatMap(ScalingoApi, (api) =>
        api.getTextFrom(alice, { name: "logs_url", url }, { urlParams: { n: "10" } })
      ).pipe(Effect.withTracer(tracer), Effect.provide(clientLayer(sim)), Effect.provide(logs.layer))

      expect(text).toBe("[web-1] hi")
      const [request] = requestsTo(sim, { path: "/apps/alice-web/logs" })
      expect(request?.query).toEqual({ token: secret, n: "10" })
      expect(recorded().map((s) => s.name)).toEqual(["Scalingo GET {logs_url}"])
      const telemetry = JSON.stringify(recorded().map((s) => [...s.attributes])) + JSON.stringify(logs.lines)
      expect(telemetry).not.toContain(secret)
      expect(sim.requests.filter((r) => r.path === "/v1/tokens/exchange")).toHaveLength(0)
    })
  )
})
