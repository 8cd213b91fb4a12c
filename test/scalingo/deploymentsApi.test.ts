import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { DeploymentsApi, failureKind, isFinished } from "../../src/scalingo/DeploymentsApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import { Deployment, DeploymentResponse, DeploymentsPage } from "../../src/scalingo/schemas/deployment.js"
import { decodeFixture } from "./operateFixtures.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

describe("DeploymentsApi", () => {
  it.scopedLive("a page of deployments, newest first, with its pagination and one request; show agrees", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const tally: Tally = { requests: [] }
      const deployments = yield* Effect.provide(DeploymentsApi, clientLayer(sim))
      const first = yield* deployments.list(alice, "osc-fr1", "alice-web", { page: 1, perPage: 10 })
      const third = yield* withTally(deployments.list(alice, "osc-fr1", "alice-web", { page: 3, perPage: 10 }), tally)
      const shown = yield* deployments.show(alice, "osc-fr1", "alice-web", first.deployments[0]!.id)

      expect(first.pagination).toEqual({ currentPage: 1, prevPage: null, nextPage: 2, totalPages: 3, totalCount: 24 })
      expect(third.pagination).toMatchObject({ currentPage: 3, prevPage: 2, nextPage: null })
      expect(third.deployments).toHaveLength(4)
      expect(tally.requests).toEqual(["GET /v1/apps/{app}/deployments"])
      expect(requestsTo(sim, { path: "/v1/apps/alice-web/deployments" }).map((r) => r.query)).toEqual([
        { page: "1", per_page: "10" },
        { page: "3", per_page: "10" }
      ])
      expect(first.deployments[0]!.id).toBe(sim.appState("alice", "osc-fr1", "alice-web").lastDeploymentId)
      expect(shown).toEqual(first.deployments[0])
      expect(shown).toMatchObject({ status: "success", pusher: { username: "alice" }, links: {} })
      expect(shown.links?.output).toContain(`/deployments/${shown.id}/output`)
      const times = first.deployments.map((d) => Date.parse(d.created_at!))
      expect(times).toEqual([...times].sort((a, b) => b - a))
    })
  )

  it.scopedLive("a running deployment is unfinished until it ends; a failed one says how it failed", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const running = sim.startDeployment("alice", "osc-fr1", "alice-web", { stepMs: "manual", outcome: "build-error" })
      const seen = yield* Effect.gen(function* () {
        const deployments = yield* DeploymentsApi
        const read = () => deployments.show(alice, "osc-fr1", "alice-web", running.id)
        const queued = yield* read()
        running.step()
        const building = yield* read()
        running.finish()
        return [queued, building, yield* read()]
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(seen.map((d) => [d.status, isFinished(d), failureKind(d)])).toEqual([
        ["queued", false, undefined],
        ["building", false, undefined],
        ["build-error", true, "build"]
      ])
      expect(seen[2]!.finished_at).toBeTypeOf("string")
    })
  )

  it.scopedLive("the build log as text; none when there is none; 404 for the deployment or app, 403 for a role", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const [alice, erin] = [accountOf(sim, "alice"), accountOf(sim, "erin")]
      const built = sim.startDeployment("alice", "osc-fr1", "alice-web", { stepMs: "manual", gitRef: "cafe123beef" })
      built.finish()
      const silent = sim.startDeployment("alice", "osc-fr1", "alice-worker", { stepMs: "manual", silent: true })
      silent.finish()
      const results = yield* Effect.gen(function* () {
        const deployments = yield* DeploymentsApi
        const oldest = (yield* deployments.list(alice, "osc-fr1", "alice-web", { page: 3, perPage: 10 })).deployments
        return {
          log: yield* deployments.output(alice, "osc-fr1", "alice-web", built.id),
          none: yield* deployments.output(alice, "osc-fr1", "alice-worker", silent.id),
          noDeployment: yield* Effect.flip(deployments.output(alice, "osc-fr1", "alice-web", "no-such-id")),
          noApp: yield* Effect.flip(deployments.output(alice, "osc-fr1", "no-such-app", built.id)),
          limited: yield* Effect.flip(deployments.output(erin, "osc-fr1", "alice-web", oldest.at(-1)!.id))
        }
      }).pipe(Effect.provide(clientLayer(sim)))

      const log = Option.getOrThrow(results.log)
      expect(log).toContain("<-- Start deployment of alice-web -->")
      expect(log).toContain("Fetching source code (cafe123)")
      expect(log).toContain("<-- https://alice-web.osc-fr1.scalingo.io -->")
      expect(results.none).toEqual(Option.none())
      expect(fieldsOf(results.noDeployment)).toMatchObject({ _tag: "NotFound", resource: "deployment" })
      expect(fieldsOf(results.noApp)).toMatchObject({ _tag: "NotFound", resource: "app" })
      expect(fieldsOf(results.limited)).toMatchObject({ _tag: "Forbidden" })
    })
  )

  it.scopedLive(
    "unknown statuses decode, an entry without an id is left out, a page without meta keeps its number",
    () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        const body = { deployments: [{ id: "d-1", status: "half-baked", finished_at: null }, { status: "success" }] }
        sim.faults.add({ path: "/v1/apps/alice-web/deployments", status: 200, body: JSON.stringify(body) })
        const page = yield* Effect.flatMap(DeploymentsApi, (d) =>
          d.list(alice, "osc-fr1", "alice-web", { page: 2, perPage: 20 })
        ).pipe(Effect.provide(clientLayer(sim)))

        expect(page.deployments.map((d) => [d.id, d.status, isFinished(d), failureKind(d)])).toEqual([
          ["d-1", "half-baked", true, "unknown"]
        ])
        expect(page.pagination).toMatchObject({ currentPage: 2, prevPage: 1 })
      })
  )

  it("every documented deployment decodes, status or not", () => {
    const bare = decodeFixture(Deployment, "deployments-001.json")
    expect([bare.status, isFinished(bare), failureKind(bare)]).toEqual(["success", true, undefined])
    const page = decodeFixture(DeploymentsPage, "deployments-002.json")
    expect(page.deployments.map((d) => [d.status, failureKind(d)])).toEqual([["build-error", "build"]])
    expect(page.pagination).toEqual({ currentPage: 1, prevPage: null, nextPage: null, totalPages: 1, totalCount: 1 })
    const shown = ["003", "005", "007"].map(
      (n) => decodeFixture(DeploymentResponse, `deployments-${n}-deployment.json`).deployment
    )
    expect(shown.map((d) => [d.status, isFinished(d), d.pusher?.username])).toEqual([
      [undefined, false, "john"],
      ["building", false, "user"],
      ["building", false, "user"]
    ])
    expect(shown[2]).toMatchObject({ git_ref: "v0.0.2", previous_git_ref: "v0.0.1", type: "archive", duration: 0 })
  })
})
