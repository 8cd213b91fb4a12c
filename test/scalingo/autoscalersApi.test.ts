import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { AutoscalersApi } from "../../src/scalingo/AutoscalersApi.js"
import { ContainersApi } from "../../src/scalingo/ContainersApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import { AutoscalersResponse } from "../../src/scalingo/schemas/autoscaler.js"
import { accountOf, clientLayer, fieldsOf, simulator } from "./scalingoTestKit.js"

describe("AutoscalersApi.list", () => {
  it.scopedLive("an app's autoscalers in one request; a manual scale of the type shows it disabled", () =>
    Effect.gen(function* () {
      const sim = yield* simulator({ operationDurationMs: 20 })
      const alice = accountOf(sim, "alice")
      const tally: Tally = { requests: [] }
      const { before, after, none } = yield* Effect.gen(function* () {
        const autoscalers = yield* AutoscalersApi
        yield* (yield* ContainersApi).formation(alice, "osc-secnum-fr1", "alice-secure")
        const before = yield* withTally(autoscalers.list(alice, "osc-secnum-fr1", "alice-secure"), tally)
        yield* (yield* ContainersApi).scale(alice, "osc-secnum-fr1", "alice-secure", [{ name: "web", amount: 3 }])
        const after = yield* autoscalers.list(alice, "osc-secnum-fr1", "alice-secure")
        return { before, after, none: yield* autoscalers.list(alice, "osc-fr1", "alice-web") }
      }).pipe(Effect.provide(clientLayer(sim)))

      const [only] = sim.autoscalersOf("alice", "osc-secnum-fr1", "alice-secure")
      expect(before).toMatchObject([
        {
          id: only?.id,
          container_type: "web",
          min_containers: 2,
          max_containers: 6,
          metric: "rpm_per_container",
          target: 150,
          disabled: false
        }
      ])
      expect(after.map((a) => [a.container_type, a.disabled])).toEqual([["web", true]])
      expect(none).toEqual([])
      expect(tally.requests).toEqual(["GET /v1/apps/{app}/autoscalers"])
    })
  )

  it.scopedLive("an app the account cannot see is NotFound; a 403 is Forbidden", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const [alice, bob] = [accountOf(sim, "alice"), accountOf(sim, "bob")]
      sim.faults.add({ path: "/v1/apps/alice-web/autoscalers", status: 403, times: 1 })
      const errors = yield* Effect.flatMap(AutoscalersApi, (autoscalers) =>
        Effect.all([
          Effect.flip(autoscalers.list(alice, "osc-fr1", "alice-web")),
          Effect.flip(autoscalers.list(bob, "osc-fr1", "alice-web"))
        ])
      ).pipe(Effect.provide(clientLayer(sim)))

      expect(errors.map(fieldsOf)).toMatchObject([{ _tag: "Forbidden" }, { _tag: "NotFound", resource: "app" }])
    })
  )

  it("the documented examples decode (disabled absent reads as false), and so does an unknown metric", () => {
    const documented = {
      autoscalers: [
        {
          id: "au-297f1134-8576-45ac-ab58-2100b6807683",
          created_at: "2018-01-25T10:57:53.822973091Z",
          updated_at: "2018-02-12T09:22:12.485973091Z",
          last_scale: "2018-04-11T18:22:12.485973091Z",
          container_type: "web",
          min_containers: 3,
          max_containers: 7,
          metric: "rpm_per_container",
          target: 150,
          alert_id_scale_up: "al-9817cecc-a69c-436c-aacf-9b93d7f313c2",
          alert_id_scale_down: "al-3eaaa1eb-9687-49b3-a6a4-f00d9e724f8a"
        },
        { id: "au-2", container_type: "worker", metric: "queue_depth_next_year", target: "7.5", disabled: true },
        { container_type: "no id" }
      ]
    }
    const { autoscalers } = Schema.decodeUnknownSync(AutoscalersResponse)(documented)
    expect(autoscalers.map((a) => [a.id, a.container_type, a.metric, a.target, a.disabled])).toEqual([
      ["au-297f1134-8576-45ac-ab58-2100b6807683", "web", "rpm_per_container", 150, false],
      ["au-2", "worker", "queue_depth_next_year", 7.5, true]
    ])
  })
})
