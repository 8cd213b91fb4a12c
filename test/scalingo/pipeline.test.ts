import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { EventsApi } from "../../src/scalingo/EventsApi.js"
import { withTally } from "../../src/scalingo/RequestTally.js"
import { ScalingoApi } from "../../src/scalingo/ScalingoApi.js"
import { recordingLogger, recordingTracer, scriptedServer } from "./observe.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator, freshTally, oneRegionAt } from "./scalingoTestKit.js"

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
})
