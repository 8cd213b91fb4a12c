import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { ContainersApi } from "../../src/scalingo/ContainersApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import { InvalidInputBody, readErrorBody } from "../../src/scalingo/schemas/errorBodies.js"
import { fixture } from "./operateFixtures.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

const scaleRequests = (sim: Parameters<typeof requestsTo>[0], app: string) =>
  requestsTo(sim, { method: "POST", path: `/v1/apps/${app}/scale` })

describe("ContainersApi.scale", () => {
  it.scopedLive("a 202: the whole formation after it and the operation's Location, in one request", () =>
    Effect.gen(function* () {
      const sim = yield* simulator({ operationDurationMs: 50 })
      const alice = accountOf(sim, "alice")
      const tally: Tally = { requests: [] }
      const containers = yield* Effect.provide(ContainersApi, clientLayer(sim))
      yield* containers.formation(alice, "osc-fr1", "alice-web")
      const result = yield* withTally(
        containers.scale(alice, "osc-fr1", "alice-web", [{ name: "web", amount: 3, size: "L" }]),
        tally
      )

      expect(result.formation.map(({ name, amount, size }) => `${name}:${amount}:${size}`)).toEqual([
        "web:3:L",
        "worker:1:S"
      ])
      const [operation] = sim.operationsOf("alice", "osc-fr1", "alice-web")
      expect(operation?.type).toBe("scale")
      expect(result.operationUrl).toBe(operation?.url)
      expect(tally.requests).toEqual(["POST /v1/apps/{app}/scale"])
      const [sent] = scaleRequests(sim, "alice-web")
      expect(sent?.status).toBe(202)
    })
  )

  it.scopedLive("a 200 (an app scaled before its first deployment): the formation and no operation", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.addApp("alice", "osc-fr1", {
        name: "alice-undeployed",
        status: "new",
        formation: [{ name: "web", amount: 0 }]
      })
      const result = yield* Effect.flatMap(ContainersApi, (c) =>
        c.scale(alice, "osc-fr1", "alice-undeployed", [{ name: "web", amount: 1 }])
      ).pipe(Effect.provide(clientLayer(sim)))

      expect(result.operationUrl).toBeUndefined()
      expect(result.formation.map(({ name, amount, size }) => `${name}:${amount}:${size}`)).toEqual(["web:1:M"])
      expect(sim.operationsOf("alice", "osc-fr1", "alice-undeployed")).toEqual([])
    })
  )

  it.scopedLive("a scale whose answer is lost is sent once: ScalingoUnavailable that may have applied", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ method: "POST", path: "/v1/apps/alice-web/scale", reset: true })
      const error = yield* Effect.flatMap(ContainersApi, (c) =>
        Effect.flip(c.scale(alice, "osc-fr1", "alice-web", [{ name: "web", amount: 3 }]))
      ).pipe(Effect.provide(clientLayer(sim)))

      expect(fieldsOf(error)).toMatchObject({ _tag: "ScalingoUnavailable", reason: "transport", mayHaveApplied: true })
      expect(scaleRequests(sim, "alice-web")).toHaveLength(1)
    })
  )

  it.scopedLive("over 10 a type: InvalidInput with Scalingo's nested message flattened to text", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const error = yield* Effect.flatMap(ContainersApi, (c) =>
        Effect.flip(c.scale(alice, "osc-fr1", "alice-web", [{ name: "web", amount: 11 }]))
      ).pipe(Effect.provide(clientLayer(sim)))

      expect(fieldsOf(error)).toEqual({
        _tag: "InvalidInput",
        fields: {
          "container-web-amount": [
            "can't scale over 10 containers, contact us at support@scalingo.com if you need more"
          ]
        },
        request: "POST /v1/apps/{app}/scale",
        app: "alice-web"
      })
      expect(scaleRequests(sim, "alice-web")).toHaveLength(1)
    })
  )

  it.scopedLive(
    "a limited collaborator is Forbidden, an unknown app NotFound, unverified billing PaymentRequired",
    () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const [alice, erin, carol] = [accountOf(sim, "alice"), accountOf(sim, "erin"), accountOf(sim, "carol")]
        sim.addApp("carol", "osc-fr1", { name: "carol-tiny", formation: [{ name: "web", amount: 1, size: "S" }] })
        const [forbidden, missing, billing] = yield* Effect.gen(function* () {
          const containers = yield* ContainersApi
          const web = (amount: number) => [{ name: "web", amount }]
          return [
            yield* Effect.flip(containers.scale(erin, "osc-fr1", "alice-web", web(3))),
            yield* Effect.flip(containers.scale(alice, "osc-fr1", "no-such-app", web(1))),
            yield* Effect.flip(containers.scale(carol, "osc-fr1", "carol-tiny", web(2)))
          ] as const
        }).pipe(Effect.provide(clientLayer(sim)))

        expect(fieldsOf(forbidden)).toMatchObject({ _tag: "Forbidden", request: "POST /v1/apps/{app}/scale" })
        expect(fieldsOf(missing)).toMatchObject({ _tag: "NotFound", resource: "app" })
        expect(fieldsOf(billing)).toMatchObject({ _tag: "PaymentRequired", name: "free-trial-exceeded" })
        expect(sim.appState("alice", "osc-fr1", "alice-web").formation[0]).toMatchObject({ name: "web", amount: 2 })
      })
  )

  it("every documented 422 body, and the nested one, reads as fields of text", () => {
    const read = (body: unknown) => Option.getOrThrow(readErrorBody(InvalidInputBody, JSON.stringify(body)))
    expect(read(fixture("index-007-errors.json"))).toEqual({ app: ["missing field"] })
    expect(read(fixture("index-008-errors.json"))).toEqual({
      name: ["should contain only lowercap letters, digits and hyphens"]
    })
    expect(
      read({ errors: { "container-web-amount": [["can't scale over 10"], "and", [["deeper"]]], empty: [[]] } })
    ).toEqual({
      "container-web-amount": ["can't scale over 10", "and", "deeper"]
    })
    expect(read({ errors: [["an operation is already in progress"]] })).toEqual({
      base: ["an operation is already in progress"]
    })
  })
})
