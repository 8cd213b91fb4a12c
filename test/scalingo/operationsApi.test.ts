import { describe, expect, it } from "@effect/vitest"
import { Effect, Schedule } from "effect"
import { EventsApi } from "../../src/scalingo/EventsApi.js"
import { OperationsApi } from "../../src/scalingo/OperationsApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import { type Operation, operationOutcome, OperationResponse } from "../../src/scalingo/schemas/operation.js"
import type { ScalingoAccount } from "../../src/scalingo/ScalingoAccount.js"
import { decodeFixture } from "./operateFixtures.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

/** Reads the operation every 20 ms until it has finished, as a progress message would. */
const followed = (operations: OperationsApi, account: ScalingoAccount, url: string) =>
  operations
    .operation(account, "osc-fr1", url)
    .pipe(
      Effect.repeat(
        Schedule.recurUntil((op: Operation) => operationOutcome(op).finished).pipe(Schedule.addDelay(() => "20 millis"))
      ),
      Effect.timeout("5 seconds")
    )

describe("OperationsApi", () => {
  it.scopedLive("a restart answers its operation's URL, which is followed to done, one request per call", () =>
    Effect.gen(function* () {
      // Pending for its first third (200 ms): long enough to be seen right after the restart, even on a busy machine.
      const sim = yield* simulator({ operationDurationMs: 600 })
      const alice = accountOf(sim, "alice")
      const operations = yield* Effect.provide(OperationsApi, clientLayer(sim))
      const [restartTally, readTally]: Array<Tally> = [{ requests: [] }, { requests: [] }]
      yield* operations.operation(alice, "osc-fr1", "/v1/apps/alice-web/operations/0").pipe(Effect.ignore)
      const url = yield* withTally(operations.restart(alice, "osc-fr1", "alice-web", ["web"]), restartTally)
      const first = yield* withTally(operations.operation(alice, "osc-fr1", url!), readTally)
      const done = yield* followed(operations, alice, url!)

      expect(url).toBe(sim.operationsOf("alice", "osc-fr1", "alice-web")[0]?.url)
      expect(first).toMatchObject({ type: "restart", status: "pending" })
      expect(operationOutcome(done)).toEqual({ finished: true, failed: false, errorText: undefined })
      expect(restartTally.requests).toEqual(["POST /v1/apps/{app}/restart"])
      expect(readTally.requests).toEqual(["GET /v1/apps/{app}/operations/{id}"])
    })
  )

  it.scopedLive("no scope restarts every type; the path alone names the operation too", () =>
    Effect.gen(function* () {
      const sim = yield* simulator({ operationDurationMs: 30 })
      const alice = accountOf(sim, "alice")
      const restart = yield* Effect.gen(function* () {
        const operations = yield* OperationsApi
        const url = yield* operations.restart(alice, "osc-fr1", "alice-web", undefined)
        yield* followed(operations, alice, new URL(url!).pathname)
        const { events } = yield* (yield* EventsApi).appEvents(alice, "osc-fr1", "alice-web", { page: 1, perPage: 1 })
        return events[0]
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(restart).toMatchObject({ type: "restart", type_data: { scope: ["web", "worker"] } })
    })
  )

  it.scopedLive("a failed operation gives Scalingo's reason; an unknown status decodes and ends it when finished", () =>
    Effect.gen(function* () {
      const sim = yield* simulator({ operationDurationMs: 30 })
      const alice = accountOf(sim, "alice")
      const reason = "container web-1 failed to restart"
      const { failed, odd, oddEnd } = yield* Effect.gen(function* () {
        const operations = yield* OperationsApi
        sim.planNextOperation("alice", "osc-fr1", "alice-web", { error: reason })
        const failed = yield* followed(
          operations,
          alice,
          (yield* operations.restart(alice, "osc-fr1", "alice-web", []))!
        )
        sim.planNextOperation("alice", "osc-fr1", "alice-web", {
          statuses: ["warming"],
          finalStatus: "exploded",
          durationMs: 400
        })
        const url = (yield* operations.restart(alice, "osc-fr1", "alice-web", ["worker"]))!
        const odd = yield* operations.operation(alice, "osc-fr1", url)
        return { failed, odd, oddEnd: yield* followed(operations, alice, url) }
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(operationOutcome(failed)).toEqual({ finished: true, failed: true, errorText: reason })
      expect(odd.status).toBe("warming")
      expect(operationOutcome(odd)).toMatchObject({ finished: false, failed: false })
      expect(oddEnd.status).toBe("exploded")
      expect(operationOutcome(oddEnd).failed).toBe(true)
      expect(operationOutcome(oddEnd).errorText).toContain("exploded")
    })
  )

  it.scopedLive("an operation URL off the region's API host, or not an operation, fails with no request sent", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const [paris, secnum] = sim.regions.map((r) => r.apiUrl)
      const refused = [
        `${secnum}/v1/apps/alice-web/operations/abc`,
        `${sim.authUrl}/v1/apps/alice-web/operations/abc`,
        `${paris}/v1/apps/alice-web/deployments/abc`,
        `${paris}/v1/apps/alice-web/operations/abc?then=more`,
        `${paris}/v1/apps/..%2Fusers/operations/abc`,
        "//elsewhere.example/v1/apps/alice-web/operations/abc",
        "not a url at all"
      ]
      const errors = yield* Effect.flatMap(OperationsApi, (operations) =>
        Effect.forEach(refused, (url) => Effect.flip(operations.operation(alice, "osc-fr1", url)))
      ).pipe(Effect.provide(clientLayer(sim)))

      for (const error of errors) expect(fieldsOf(error)).toMatchObject({ _tag: "UnexpectedResponse", status: 0 })
      expect(JSON.stringify(errors.map(fieldsOf))).not.toContain("abc")
      expect(requestsTo(sim, { path: /operations|deployments/ })).toHaveLength(0)
    })
  )

  it.scopedLive("a restart whose answer is lost is sent once: ScalingoUnavailable that may have applied", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ method: "POST", path: "/v1/apps/alice-web/restart", reset: true })
      const error = yield* Effect.flatMap(OperationsApi, (o) =>
        Effect.flip(o.restart(alice, "osc-fr1", "alice-web", undefined))
      ).pipe(Effect.provide(clientLayer(sim)))

      expect(fieldsOf(error)).toMatchObject({ _tag: "ScalingoUnavailable", reason: "transport", mayHaveApplied: true })
      expect(requestsTo(sim, { method: "POST", path: "/v1/apps/alice-web/restart" })).toHaveLength(1)
    })
  )

  it.scopedLive("403, 404 (app, container type, operation) and 422 (busy) reach the caller as tagged errors", () =>
    Effect.gen(function* () {
      const sim = yield* simulator({ operationDurationMs: 5_000 })
      const alice = accountOf(sim, "alice")
      sim.faults.add({ path: "/v1/apps/bob-blog/restart", status: 403, body: '{"error":"no","code":"role"}' })
      const errors = yield* Effect.gen(function* () {
        const operations = yield* OperationsApi
        const restart = (app: string, scope?: Array<string>) =>
          Effect.flip(operations.restart(alice, "osc-fr1", app, scope))
        const forbidden = yield* restart("bob-blog")
        const noApp = yield* restart("no-such-app")
        const noType = yield* restart("alice-web", ["clock"])
        yield* operations.restart(alice, "osc-fr1", "alice-web", undefined)
        const busy = yield* restart("alice-web")
        const noOperation = yield* Effect.flip(
          operations.operation(alice, "osc-fr1", "/v1/apps/alice-web/operations/0123456789abcdef01234567")
        )
        return [forbidden, noApp, noType, busy, noOperation].map(fieldsOf)
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(errors).toMatchObject([
        { _tag: "Forbidden", code: "role" },
        { _tag: "NotFound", resource: "app" },
        { _tag: "NotFound", resource: "container_type" },
        { _tag: "InvalidInput", fields: { base: [expect.stringContaining("already in progress")] } },
        { _tag: "NotFound", resource: "operation" }
      ])
    })
  )

  it("the documented operation decodes, as does one with an error and an undocumented status", () => {
    const { operation } = decodeFixture(OperationResponse, "operations-002-operation.json")
    expect(operation).toMatchObject({ id: "54100930736f7563d5030000", status: "pending", type: "restart" })
    // The example is pending yet has a finished_at: the date wins, as for any status Scalingo adds.
    expect(operationOutcome(operation).finished).toBe(true)
    expect(operationOutcome({ id: "o", status: "error" })).toEqual({
      finished: true,
      failed: true,
      errorText: "Scalingo reported the operation as error without saying why"
    })
  })
})
