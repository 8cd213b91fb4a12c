import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted, Schema } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { EventsApi } from "../../src/scalingo/EventsApi.js"
import { Regions } from "../../src/scalingo/Regions.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import { ScalingoApi } from "../../src/scalingo/ScalingoApi.js"
import { recordingLogger, recordingTracer, scriptedServer } from "./observe.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator, unusedLoopbackUrl } from "./scalingoTestKit.js"

/** The regions list answered with one region whose API is at `api` (on loopback, like the simulator's). */
const oneRegionAt = (api: string) => ({
  host: "auth" as const,
  path: "/v1/regions",
  status: 200,
  body: JSON.stringify({ regions: [{ name: "osc-fr1", display_name: "Paris", api, default: true }] })
})

const freshTally = (): Tally => ({ requests: [] })

describe("the Scalingo pipeline", () => {
  it.scopedLive(
    "a request is a path template: the URL carries the encoded values, logs and the tally the template",
    () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        sim.faults.add({ host: "auth", path: "/v1/things/a%20b%2Fc%3Fd", status: 200, body: JSON.stringify({ ok: 1 }) })
        const tally = freshTally()
        const logs = recordingLogger()
        const body = yield* Effect.flatMap(ScalingoApi, (api) =>
          api.get(alice, "auth", "/v1/things/{id}", Schema.Struct({ ok: Schema.Number }), { params: { id: "a b/c?d" } })
        ).pipe((effect) => withTally(effect, tally), Effect.provide(clientLayer(sim)), Effect.provide(logs.layer))

        expect(body).toEqual({ ok: 1 })
        expect(requestsTo(sim, { path: "/v1/things/a%20b%2Fc%3Fd" })).toHaveLength(1)
        expect(tally.requests).toEqual(["POST /v1/tokens/exchange", "GET /v1/things/{id}"])
        // One debug line per attempt: the request by its template, its status and how long it took.
        const lines = logs.lines.filter((l) => l.message === "scalingo request")
        expect(lines.map((l) => [l.level, l.annotations.request, l.annotations.status])).toEqual([
          ["DEBUG", "POST /v1/tokens/exchange", 200],
          ["DEBUG", "GET /v1/things/{id}", 200]
        ])
        for (const line of lines) expect(line.annotations.duration_ms).toBeTypeOf("number")
        expect(JSON.stringify(logs.lines)).not.toContain("a%20b")
      })
  )

  it.scopedLive("the tally counts every attempt a command causes: the exchange, the regions, each retry", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-fr1", path: "/v1/apps/alice-web/events", status: 503, times: 2 })
      const tally = freshTally()
      yield* Effect.flatMap(EventsApi, (events) =>
        events.appEvents(alice, "osc-fr1", "alice-web", { page: 1, perPage: 5 })
      ).pipe((effect) => withTally(effect, tally), Effect.provide(clientLayer(sim)))

      expect(tally.requests).toEqual([
        "POST /v1/tokens/exchange",
        "GET /v1/regions",
        "GET /v1/apps/{app}/events",
        "GET /v1/apps/{app}/events",
        "GET /v1/apps/{app}/events"
      ])
    })
  )

  it.scopedLive("one span per attempt, named for its template, with method, template, status, region and attempt", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-fr1", path: "/v1/apps/alice-web", status: 503, times: 1 })
      const { tracer, recorded } = yield* recordingTracer
      yield* Effect.flatMap(AppsApi, (apps) => apps.show(alice, "osc-fr1", "alice-web")).pipe(
        Effect.withTracer(tracer),
        Effect.provide(clientLayer(sim))
      )

      const spans = recorded().filter((s) => s.name.startsWith("Scalingo "))
      expect(spans.map((s) => s.name)).toEqual([
        "Scalingo POST /v1/tokens/exchange",
        "Scalingo GET /v1/regions",
        "Scalingo GET /v1/apps/{app}",
        "Scalingo GET /v1/apps/{app}"
      ])
      const [first, second] = spans.slice(2).map((s) => Object.fromEntries(s.attributes))
      expect(first).toMatchObject({
        "http.request.method": "GET",
        "url.template": "/v1/apps/{app}",
        "http.response.status_code": 503,
        "scalingo.region": "osc-fr1",
        "scalingo.attempt": 1
      })
      expect(second).toMatchObject({ "http.response.status_code": 200, "scalingo.attempt": 2 })
      for (const span of spans) expect(span.kind).toBe("client")
      // The platform's own span (whose url.full would carry any secret in a URL) is not made.
      expect(recorded().filter((s) => s.name.startsWith("http.client"))).toEqual([])
    })
  )

  it.scopedLive("a failure names its request and app, for logs: never a token, a bearer, a query or a body", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-fr1", path: "/v1/apps/alice-web/events", status: 500 })
      const error = yield* Effect.flatMap(EventsApi, (events) =>
        Effect.flip(events.appEvents(alice, "osc-fr1", "alice-web", { page: 2, perPage: 5 }))
      ).pipe(Effect.provide(clientLayer(sim, { options: { maxAttempts: 2 } })))

      expect(fieldsOf(error)).toMatchObject({
        _tag: "ScalingoUnavailable",
        request: "GET /v1/apps/{app}/events",
        app: "alice-web"
      })
      const everything = JSON.stringify(fieldsOf(error)) + String(error)
      expect(everything).not.toContain(sim.accounts.alice!.apiToken)
      expect(everything).not.toContain("per_page")
      for (const bearer of sim.issuedBearers()) expect(everything).not.toContain(bearer)
    })
  )

  it.scopedLive("Scalingo's Retry-After is honoured before a read is tried again", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const region = yield* scriptedServer([
        { status: 429, headers: { "retry-after": "1" }, body: "Retry later" },
        { status: 200, body: JSON.stringify({ apps: [] }) }
      ])
      sim.faults.add(oneRegionAt(region.url))
      const apps = yield* Effect.flatMap(AppsApi, (api) => api.list(alice, "osc-fr1")).pipe(
        Effect.provide(clientLayer(sim))
      )

      expect(apps).toEqual([])
      expect(region.arrivals).toHaveLength(2)
      // The backoff alone would have waited ~20 ms.
      expect(region.arrivals[1]!.at - region.arrivals[0]!.at).toBeGreaterThanOrEqual(950)
    })
  )

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
