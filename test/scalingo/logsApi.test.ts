import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { LogsApi } from "../../src/scalingo/LogsApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import { recordingLogger, recordingTracer } from "./observe.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

const logsHostRequests = (sim: Parameters<typeof requestsTo>[0]) => requestsTo(sim, { host: "logs" })

describe("LogsApi.lastLines", () => {
  it.scopedLive(
    "the last lines, of one container type when filtered, in two requests and no bearer to the logs host",
    () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        sim.appendLogs("alice", "osc-fr1", "alice-web", [
          { container: "worker-1", message: "job 41 done" },
          { container: "router", message: "method=GET path=/ status=200" },
          { container: "web-2", message: "listening on 8080" }
        ])
        const tally: Tally = { requests: [] }
        const logs = yield* Effect.provide(LogsApi, clientLayer(sim))
        const last = yield* logs.lastLines(alice, "osc-fr1", "alice-web", { lines: 2 })
        const web = yield* withTally(logs.lastLines(alice, "osc-fr1", "alice-web", { lines: 1, filter: "web" }), tally)

        expect(last.trimEnd().split("\n")).toEqual([
          expect.stringMatching(/ \[router\] method=GET path=\/ status=200$/),
          expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \+0000 UTC \[web-2\] listening on 8080$/)
        ])
        expect(web.trimEnd().split("\n")).toEqual([expect.stringMatching(/\[web-2\] listening on 8080$/)])
        expect(tally.requests).toEqual(["GET /v1/apps/{app}/logs", "GET {logs_url}"])
        const [plain, filtered] = logsHostRequests(sim)
        expect(plain?.query).toMatchObject({ n: "2" })
        expect(plain?.query.filter).toBeUndefined()
        expect(filtered?.query).toMatchObject({ n: "1", filter: "web" })
        expect(filtered?.query.token).toMatch(/^[0-9a-f]{48}$/)
        expect(logsHostRequests(sim).map((r) => r.account)).toEqual([undefined, undefined])
      })
  )

  it.scopedLive("lines are kept within 1 to 1,000; no logs (404) and no match (204) read as no lines", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const texts = yield* Effect.gen(function* () {
        const logs = yield* LogsApi
        yield* logs.lastLines(alice, "osc-fr1", "alice-web", { lines: 5_000 })
        yield* logs.lastLines(alice, "osc-fr1", "alice-web", { lines: 0 })
        const never = yield* logs.lastLines(alice, "osc-secnum-fr1", "alice-archive", { lines: 10 })
        const unmatched = yield* logs.lastLines(alice, "osc-fr1", "alice-web", { lines: 10, filter: "clock" })
        return [never, unmatched]
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(logsHostRequests(sim).map((r) => [r.query.n, r.status])).toEqual([
        ["1000", 200],
        ["1", 200],
        ["10", 404],
        ["10", 204]
      ])
      expect(texts).toEqual(["", ""])
    })
  )

  it.scopedLive("the logs_url's token is in no log line, span, error or answer, even when Scalingo quotes it", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const secret = "f00dfacef00dfacef00dfacef00dfacef00dface0123"
      const url = `${sim.logsUrl}/apps/alice-web/logs?token=${secret}&timestamp=1`
      const logs = recordingLogger()
      const { tracer, recorded } = yield* recordingTracer
      const outcome = yield* Effect.gen(function* () {
        const api = yield* LogsApi
        const read = () => api.lastLines(alice, "osc-fr1", "alice-web", { lines: 5 })
        const real = yield* read()
        const realToken = logsHostRequests(sim)[0]!.query.token!
        const quoted = (status: number) => ({
          host: "logs" as const,
          status,
          times: 1,
          body: JSON.stringify({ error: `refused ${url} (token ${secret})` })
        })
        sim.faults.add({
          path: "/v1/apps/alice-web/logs",
          times: 3,
          status: 200,
          body: JSON.stringify({ logs_url: url })
        })
        sim.faults.add(quoted(400))
        sim.faults.add(quoted(403))
        sim.faults.add({ host: "logs", status: 500 })
        const errors = [yield* Effect.flip(read()), yield* Effect.flip(read()), yield* Effect.flip(read())]
        return { real, realToken, errors }
      }).pipe(Effect.withTracer(tracer), Effect.provide(clientLayer(sim)), Effect.provide(logs.layer))

      expect(outcome.errors.map((e) => e._tag)).toEqual(["BadRequest", "Forbidden", "ScalingoUnavailable"])
      expect(outcome.errors[0]!.message).toContain("refused [redacted] (token [redacted])")
      const seen = [
        JSON.stringify(logs.lines),
        JSON.stringify(recorded().map((s) => [s.name, ...s.attributes])),
        ...outcome.errors.flatMap((e) => [JSON.stringify(fieldsOf(e)), e.message, inspect(e)]),
        outcome.real
      ].join("\n")
      expect(logs.lines.some((l) => l.annotations.request === "GET {logs_url}")).toBe(true)
      for (const token of [secret, outcome.realToken]) expect(seen).not.toContain(token)
    })
  )

  it.scopedLive("an unknown app is NotFound before any logs_url is asked for", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const bob = accountOf(sim, "bob")
      const error = yield* Effect.flatMap(LogsApi, (logs) =>
        Effect.flip(logs.lastLines(bob, "osc-fr1", "alice-web", { lines: 10 }))
      ).pipe(Effect.provide(clientLayer(sim)))

      expect(fieldsOf(error)).toMatchObject({ _tag: "NotFound", resource: "app" })
      expect(logsHostRequests(sim)).toHaveLength(0)
    })
  )
})
