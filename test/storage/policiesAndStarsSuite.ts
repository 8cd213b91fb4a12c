import { expect, it } from "@effect/vitest"
import { Context, Effect, Option } from "effect"
import { ChannelPolicies, type NewChannelPolicy } from "../../src/storage/ChannelPolicies.js"
import { Stars } from "../../src/storage/Stars.js"
import { freshStorage, rawSqlFor, type StorageBackend, openStorage, newKey } from "./storageFixtures.js"

const policy = (teamId: string, overrides: Partial<NewChannelPolicy> = {}): NewChannelPolicy => ({
  teamId,
  channelId: "C-OPS",
  mode: "allow",
  allowedActions: ["scale", "restart", "restart"],
  appPatterns: ["acme-*", "billing"],
  updatedBy: "U-ADMIN",
  ...overrides
})

/** Channel policies and stars, proven the same way on every dialect. */
export const policiesAndStarsSuite = (backend: StorageBackend) => {
  const policiesOf = (storage: Context.Context<ChannelPolicies>) => Context.get(storage, ChannelPolicies)
  const starsOf = (storage: Context.Context<Stars>) => Context.get(storage, Stars)

  it.scopedLive("a channel policy is set, read back, replaced and reset; other teams' channels are untouched", () =>
    Effect.gen(function* () {
      const policies = policiesOf(yield* freshStorage(backend))
      expect(yield* policies.get("T-ONE", "C-OPS")).toEqual(Option.none())
      const before = Date.now()
      const set = yield* policies.set(policy("T-ONE"))
      expect(set).toMatchObject({
        mode: "allow",
        allowedActions: ["restart", "scale"],
        appPatterns: ["acme-*", "billing"]
      })
      expect(set.updatedAt.getTime()).toBeGreaterThanOrEqual(before)
      expect(Option.getOrThrow(yield* policies.get("T-ONE", "C-OPS"))).toEqual(set)
      yield* policies.set(policy("T-TWO", { mode: "read-only", allowedActions: [], appPatterns: [] }))

      const replaced = yield* policies.set(policy("T-ONE", { mode: "all", allowedActions: [], appPatterns: [] }))
      expect(Option.getOrThrow(yield* policies.get("T-ONE", "C-OPS"))).toEqual(replaced)
      expect(Option.getOrThrow(yield* policies.get("T-TWO", "C-OPS")).mode).toBe("read-only")
      expect(yield* policies.get("T-ONE", "C-OTHER")).toEqual(Option.none())

      expect(yield* policies.reset("T-ONE", "C-OPS")).toBe(true)
      expect(yield* policies.reset("T-ONE", "C-OPS")).toBe(false)
      expect(yield* policies.get("T-ONE", "C-OPS")).toEqual(Option.none())
      expect(Option.isSome(yield* policies.get("T-TWO", "C-OPS"))).toBe(true)
    })
  )

  it.scopedLive("an action a newer version stored is ignored, so the list can only narrow what is allowed", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const policies = policiesOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      yield* policies.set(policy("T-ONE"))
      const sql = yield* rawSqlFor(databaseUrl)
      yield* sql`UPDATE channel_policies SET allowed_actions = '["restart","delete-everything"]'`
      expect(Option.getOrThrow(yield* policies.get("T-ONE", "C-OPS")).allowedActions).toEqual(["restart"])
    })
  )

  it.scopedLive("stars are per person: starred once, listed by app, unstarred; another team sees none", () =>
    Effect.gen(function* () {
      const stars = starsOf(yield* freshStorage(backend))
      expect(yield* stars.star("T-ONE", "U-ADA", "zeta", "osc-fr1")).toBe(true)
      expect(yield* stars.star("T-ONE", "U-ADA", "acme", "osc-secnum-fr1")).toBe(true)
      expect(yield* stars.star("T-ONE", "U-ADA", "acme", "osc-fr1")).toBe(true)
      expect(yield* stars.star("T-ONE", "U-ADA", "zeta", "osc-fr1")).toBe(false)
      const listed = yield* stars.list("T-ONE", "U-ADA")
      expect(listed.map((s) => `${s.app}@${s.region}`)).toEqual(["acme@osc-fr1", "acme@osc-secnum-fr1", "zeta@osc-fr1"])
      expect(listed[0]?.starredAt).toBeInstanceOf(Date)
      expect(yield* stars.list("T-ONE", "U-GRACE")).toEqual([])
      expect(yield* stars.list("T-TWO", "U-ADA")).toEqual([])
      expect(yield* stars.unstar("T-TWO", "U-ADA", "zeta", "osc-fr1")).toBe(false)
      expect(yield* stars.unstar("T-ONE", "U-ADA", "zeta", "osc-fr1")).toBe(true)
      expect((yield* stars.list("T-ONE", "U-ADA")).map((s) => s.app)).toEqual(["acme", "acme"])
    })
  )
}
