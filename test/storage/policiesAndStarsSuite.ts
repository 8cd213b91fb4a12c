import { expect, it } from "@effect/vitest"
import { Migrator, SqlClient } from "@effect/sql"
import { Context, Effect, Option } from "effect"
import { MIGRATIONS } from "../../src/storage/Migrations.js"
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

  // Issue 16 (defect 2): this test asserted that another team's policy on the same channel id was kept
  // apart. Channel ids are global in Slack and a shared channel has one policy, whoever set it.
  it.scopedLive("a channel policy is set, read back, replaced and reset; one per channel, whoever set it", () =>
    Effect.gen(function* () {
      const policies = policiesOf(yield* freshStorage(backend))
      expect(yield* policies.get("C-OPS")).toEqual(Option.none())
      const before = Date.now()
      const set = yield* policies.set(policy("T-ONE"))
      expect(set).toMatchObject({
        mode: "allow",
        allowedActions: ["restart", "scale"],
        appPatterns: ["acme-*", "billing"]
      })
      expect(set.updatedAt.getTime()).toBeGreaterThanOrEqual(before)
      expect(Option.getOrThrow(yield* policies.get("C-OPS"))).toEqual(set)

      const replaced = yield* policies.set(policy("T-TWO", { mode: "read-only", allowedActions: [], appPatterns: [] }))
      expect(Option.getOrThrow(yield* policies.get("C-OPS"))).toEqual(replaced)
      expect(replaced).toMatchObject({ teamId: "T-TWO", mode: "read-only" })
      expect(yield* policies.get("C-OTHER")).toEqual(Option.none())

      expect(yield* policies.reset("C-OPS")).toBe(true)
      expect(yield* policies.reset("C-OPS")).toBe(false)
      expect(yield* policies.get("C-OPS")).toEqual(Option.none())
    })
  )

  it.scopedLive(
    "policies kept per workspace before keep applying, one per channel: the strictest of a shared one",
    () =>
      Effect.gen(function* () {
        const databaseUrl = yield* backend.freshDatabase
        const sql = yield* rawSqlFor(databaseUrl)
        const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < "0013"))
        yield* Migrator.make({})({ loader: Migrator.fromRecord(before) }).pipe(
          Effect.provideService(SqlClient.SqlClient, sql)
        )
        const rows: ReadonlyArray<readonly [string, string, string, string]> = [
          ["T-ONE", "C-SOLO", "allow", "2024-01-01T00:00:00.000Z"],
          ["T-ONE", "C-SHARED", "all", "2024-03-01T00:00:00.000Z"],
          ["T-TWO", "C-SHARED", "read-only", "2024-01-01T00:00:00.000Z"],
          ["T-ONE", "C-BOTH", "allow", "2024-01-01T00:00:00.000Z"],
          ["T-TWO", "C-BOTH", "allow", "2024-02-01T00:00:00.000Z"]
        ]
        for (const [team, channel, mode, at] of rows)
          yield* sql`INSERT INTO channel_policies
          (team_id, channel_id, mode, allowed_actions, app_patterns, updated_by, updated_at)
          VALUES (${team}, ${channel}, ${mode}, '["restart"]', '[]', 'U-ADMIN', ${at})`
        const policies = policiesOf(yield* openStorage(databaseUrl, { keys: newKey() }))
        expect(Option.getOrThrow(yield* policies.get("C-SOLO"))).toMatchObject({ teamId: "T-ONE", mode: "allow" })
        expect(Option.getOrThrow(yield* policies.get("C-SHARED"))).toMatchObject({ teamId: "T-TWO", mode: "read-only" })
        expect(Option.getOrThrow(yield* policies.get("C-BOTH"))).toMatchObject({
          teamId: "T-TWO",
          allowedActions: ["restart"]
        })
      })
  )

  it.scopedLive("an action a newer version stored is ignored, so the list can only narrow what is allowed", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const policies = policiesOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      yield* policies.set(policy("T-ONE"))
      const sql = yield* rawSqlFor(databaseUrl)
      yield* sql`UPDATE channel_policies SET allowed_actions = '["restart","delete-everything"]'`
      expect(Option.getOrThrow(yield* policies.get("C-OPS")).allowedActions).toEqual(["restart"])
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
