import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { Regions } from "../../src/scalingo/Regions.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

describe("regions", () => {
  it.scopedLive("bob gets only osc-fr1 and his requests go to that region's API URL", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const bob = accountOf(sim, "bob")
      const { names, apps } = yield* Effect.provide(
        Effect.gen(function* () {
          const regions = yield* Regions
          const names = (yield* regions.list(bob)).map((r) => r.name)
          const apps = yield* (yield* AppsApi).list(bob, "osc-fr1")
          return { names, apps }
        }),
        clientLayer(sim)
      )

      expect(names).toEqual(["osc-fr1"])
      expect(apps.map((a) => a.name).sort()).toEqual(["bob-blog", "bob-shop"])
      expect(requestsTo(sim, { path: "/v1/apps" }).map((r) => r.host)).toEqual(["osc-fr1"])
    })
  )

  it.scopedLive("a region the account cannot reach is NotFound and nothing is asked of it", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const bob = accountOf(sim, "bob")
      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (apps) => Effect.flip(apps.list(bob, "osc-secnum-fr1"))),
        clientLayer(sim)
      )

      expect(fieldsOf(error)).toMatchObject({ _tag: "NotFound", resource: "region" })
      expect(requestsTo(sim, { host: "osc-secnum-fr1" })).toHaveLength(0)
    })
  )

  it.scopedLive("the regions list is fetched once then cached", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const fallback = yield* Effect.provide(
        Effect.gen(function* () {
          const regions = yield* Regions
          const apps = yield* AppsApi
          yield* regions.list(alice)
          yield* apps.list(alice, "osc-fr1")
          yield* apps.listAll(alice)
          yield* regions.get(alice, "osc-secnum-fr1")
          return yield* regions.defaultRegion(alice)
        }),
        clientLayer(sim)
      )

      expect(fallback.name).toBe("osc-fr1")
      expect(requestsTo(sim, { host: "auth", path: "/v1/regions" })).toHaveLength(1)
    })
  )

  it.scopedLive("listAll with one region failing still returns the other", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "osc-secnum-fr1", status: 500 })
      const { results } = yield* Effect.provide(
        Effect.flatMap(AppsApi, (apps) => apps.listAll(alice)),
        clientLayer(sim)
      )

      const paris = results.find((r) => r.region.name === "osc-fr1")!
      const secnum = results.find((r) => r.region.name === "osc-secnum-fr1")!
      expect("apps" in paris && paris.apps.map((a) => a.name)).toContain("forty-seven-events")
      expect("error" in secnum && fieldsOf(secnum.error)).toMatchObject({
        _tag: "ScalingoUnavailable",
        reason: "server-error"
      })
    })
  )
})

describe("apps", () => {
  it.scopedLive("show returns one app with its status and last deployment", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const app = yield* Effect.provide(
        Effect.flatMap(AppsApi, (apps) => apps.show(alice, "osc-fr1", "alice-worker")),
        clientLayer(sim)
      )

      expect(app).toMatchObject({
        name: "alice-worker",
        status: "crashed",
        region: "osc-fr1",
        last_deployed_by: "alice"
      })
    })
  )

  it.scopedLive("an app name that is not path-safe is NotFound without any request", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (apps) => Effect.flip(apps.show(alice, "osc-fr1", "../users/self"))),
        clientLayer(sim)
      )

      expect(fieldsOf(error)).toMatchObject({ _tag: "NotFound", resource: "app" })
      expect(sim.requests).toHaveLength(0)
    })
  )

  it.scopedLive("a dry-run create sends X-Dry-Run and creates nothing; a real one creates the app", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      yield* Effect.provide(
        Effect.gen(function* () {
          const apps = yield* AppsApi
          expect((yield* apps.create(alice, "osc-fr1", { name: "dry-run-app" }, { dryRun: true })).name).toBe(
            "dry-run-app"
          )
          expect(sim.appsOf("alice", "osc-fr1").map((a) => a.name)).not.toContain("dry-run-app")
          expect((yield* apps.create(alice, "osc-fr1", { name: "real-new-app" })).status).toBe("new")
        }),
        clientLayer(sim)
      )

      expect(requestsTo(sim, { method: "POST", path: "/v1/apps" }).map((r) => r.dryRun)).toEqual([true, false])
      expect(sim.appsOf("alice", "osc-fr1").map((a) => a.name)).toContain("real-new-app")
    })
  )

  it.scopedLive("carol, whose billing is not verified, gets PaymentRequired with Scalingo's link", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const carol = accountOf(sim, "carol")
      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (apps) => Effect.flip(apps.create(carol, "osc-fr1", { name: "carol-first-app" }))),
        clientLayer(sim)
      )

      expect(fieldsOf(error)).toMatchObject({ _tag: "PaymentRequired", url: "https://my.scalingo.com/apps/billing" })
    })
  )

  it.scopedLive("an invalid name is refused by Scalingo as InvalidInput on the name field", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const error = yield* Effect.provide(
        Effect.flatMap(AppsApi, (apps) =>
          Effect.flip(apps.create(alice, "osc-fr1", { name: "Bad_Name" }, { dryRun: true }))
        ),
        clientLayer(sim)
      )

      expect(error._tag === "InvalidInput" && Object.keys(error.fields)).toEqual(["name"])
    })
  )
})
