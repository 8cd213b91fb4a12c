import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema, TestClock } from "effect"
import { ContainersApi } from "../../src/scalingo/ContainersApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import {
  ContainerSizesResponse,
  containerLabel,
  FormationResponse,
  PsResponse
} from "../../src/scalingo/schemas/containers.js"
import { decodeFixture } from "./operateFixtures.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

const freshTally = (): Tally => ({ requests: [] })

describe("ContainersApi reads", () => {
  it.scopedLive("formation and ps match the app, at one request each once the bearer and regions are known", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const [first, second] = [freshTally(), freshTally()]
      const { formation, ps } = yield* Effect.gen(function* () {
        const containers = yield* ContainersApi
        const formation = yield* withTally(containers.formation(alice, "osc-fr1", "alice-web"), first)
        const ps = yield* withTally(containers.ps(alice, "osc-fr1", "alice-web"), second)
        return { formation, ps }
      }).pipe(Effect.provide(clientLayer(sim)))

      const state = sim.appState("alice", "osc-fr1", "alice-web")
      expect(formation.map(({ name, amount, size }) => ({ name, amount, size }))).toEqual(state.formation)
      expect(ps.map(containerLabel)).toEqual(state.containers)
      expect(ps.map((c) => [c.state, c.container_size?.name])).toEqual(
        state.containers.map((label) => ["running", state.formation.find((t) => label.startsWith(t.name))!.size])
      )
      expect(first.requests).toEqual(["POST /v1/tokens/exchange", "GET /v1/regions", "GET /v1/apps/{app}/containers"])
      expect(second.requests).toEqual(["GET /v1/apps/{app}/ps"])
    })
  )

  it.scopedLive("an unknown container state decodes, and a ps entry that is not a container is left out", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const body = { containers: [{ type: "web", type_index: 1, state: "hibernating" }, "not a container"] }
      sim.faults.add({ path: "/v1/apps/alice-web/ps", status: 200, body: JSON.stringify(body) })
      const ps = yield* Effect.flatMap(ContainersApi, (c) => c.ps(alice, "osc-fr1", "alice-web")).pipe(
        Effect.provide(clientLayer(sim))
      )

      expect(ps.map((c) => [containerLabel(c), c.state])).toEqual([["web-1", "hibernating"]])
    })
  )

  it.scopedLive("403, 404 and an app name unfit for a path: the right error, and no request for the last", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const [alice, bob] = [accountOf(sim, "alice"), accountOf(sim, "bob")]
      sim.faults.add({ path: "/v1/apps/alice-web/containers", status: 403, body: '{"error":"not for you"}', times: 1 })
      const [forbidden, missing, unsafe] = yield* Effect.gen(function* () {
        const containers = yield* ContainersApi
        return [
          yield* Effect.flip(containers.formation(alice, "osc-fr1", "alice-web")),
          yield* Effect.flip(containers.formation(bob, "osc-fr1", "alice-web")),
          yield* Effect.flip(containers.ps(bob, "osc-fr1", "../self"))
        ] as const
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(fieldsOf(forbidden)).toMatchObject({ _tag: "Forbidden" })
      expect(forbidden.message).toBe("not for you")
      expect(fieldsOf(missing)).toMatchObject({ _tag: "NotFound", resource: "app" })
      expect(fieldsOf(unsafe)).toMatchObject({ _tag: "NotFound", resource: "app" })
      expect(requestsTo(sim, { path: /self/ }).filter((r) => r.host !== "auth")).toHaveLength(0)
    })
  )

  it("Scalingo's documented formation and ps examples decode", () => {
    for (const file of ["apps-006-containers.json", "apps-007-containers.json"]) {
      const { containers } = decodeFixture(FormationResponse, file)
      expect(containers.map(({ name, amount, size }) => `${name}:${amount}:${size}`)).toEqual(["web:2:L", "worker:1:M"])
    }
    const { containers } = decodeFixture(PsResponse, "apps-005-containers.json")
    expect(containers.map((c) => [containerLabel(c), c.state, c.container_size?.name])).toEqual([
      ["web-1", "running", "M"],
      ["one-off-9410", "booting", "M"]
    ])
  })
})

describe("ContainersApi.sizes", () => {
  it.scopedLive("one anonymous read per region whichever account asks; a failure is not kept", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const [alice, bob] = [accountOf(sim, "alice"), accountOf(sim, "bob")]
      sim.faults.add({ host: "osc-secnum-fr1", path: "/v1/features/container_sizes", status: 404, times: 1 })
      const { paris, again, failed, secnum } = yield* Effect.gen(function* () {
        const containers = yield* ContainersApi
        const [paris, again] = yield* Effect.all(
          [containers.sizes(alice, "osc-fr1"), containers.sizes(bob, "osc-fr1")],
          { concurrency: "unbounded" }
        )
        const failed = yield* Effect.flip(containers.sizes(alice, "osc-secnum-fr1"))
        return { paris, again, failed, secnum: yield* containers.sizes(alice, "osc-secnum-fr1") }
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(paris.map((s) => s.name)).toEqual(["S", "M", "L", "XL", "2XL", "3XL"])
      expect(again).toEqual(paris)
      expect(paris.find((s) => s.name === "M")).toMatchObject({ memory: 512 * 1024 * 1024, ordinal: 3 })
      expect(fieldsOf(failed)).toMatchObject({ _tag: "NotFound" })
      expect(secnum.map((s) => s.sku)).toContain("osc-secnum-fr1-app-M")
      const reads = requestsTo(sim, { path: "/v1/features/container_sizes" })
      expect(reads.map((r) => [r.host, r.account])).toEqual([
        ["osc-fr1", undefined],
        ["osc-secnum-fr1", undefined],
        ["osc-secnum-fr1", undefined]
      ])
    })
  )

  it.scoped("the catalogue is kept for an hour, then read again", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const containers = yield* Effect.provide(ContainersApi, clientLayer(sim))
      const reads = () => requestsTo(sim, { path: "/v1/features/container_sizes" }).length
      yield* containers.sizes(alice, "osc-fr1")
      yield* TestClock.adjust("59 minutes")
      yield* containers.sizes(alice, "osc-fr1")
      expect(reads()).toBe(1)
      yield* TestClock.adjust("2 minutes")
      yield* containers.sizes(alice, "osc-fr1")
      expect(reads()).toBe(2)
    })
  )

  it("the documented size example decodes, unknown fields and all", () => {
    const documented = {
      container_sizes: [
        {
          hourly_price: 40,
          human_cpu: "standard CPU priority",
          human_name: "L",
          memory: 1073741824,
          name: "L",
          thirtydays_price: 2880,
          id: "c623c087-69c3-4104-8a40-6b5cd3d41cae",
          ordinal: 4,
          gpu: "none"
        }
      ]
    }
    const { container_sizes } = Schema.decodeUnknownSync(ContainerSizesResponse)(documented)
    expect(container_sizes).toEqual([
      {
        name: "L",
        id: "c623c087-69c3-4104-8a40-6b5cd3d41cae",
        human_name: "L",
        human_cpu: "standard CPU priority",
        memory: 1073741824,
        ordinal: 4,
        hourly_price: 40,
        thirtydays_price: 2880
      }
    ])
  })
})
