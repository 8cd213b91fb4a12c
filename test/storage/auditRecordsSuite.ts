import { expect, it } from "@effect/vitest"
import { Context, Effect, Exit } from "effect"
import { AuditRecords, type NewAuditRecord } from "../../src/storage/AuditRecords.js"
import { freshStorage, newKey, openStorage, rawSqlFor, type StorageBackend } from "./storageFixtures.js"

const DAY = 86_400_000

const record = (overrides: Partial<NewAuditRecord> = {}): NewAuditRecord => ({
  teamId: "T-ONE",
  slackUserId: "U-ADA",
  scalingoUser: "ada",
  channelId: "C-OPS",
  action: "restart",
  app: "acme-web",
  region: "osc-fr1",
  details: { types: ["web"] },
  ...overrides
})

/** The audit trail, proven the same way on every dialect. */
export const auditRecordsSuite = (backend: StorageBackend) => {
  const auditOf = (storage: Context.Context<AuditRecords>) => Context.get(storage, AuditRecords)

  /** Moves a record's creation into the past, as if it had been written `days` ago. */
  const age = (databaseUrl: string, id: string, days: number) =>
    Effect.flatMap(
      rawSqlFor(databaseUrl),
      (sql) => sql`UPDATE audit_records SET created_at = ${new Date(Date.now() - days * DAY).toISOString()}
        WHERE id = ${id}`
    )

  it.scopedLive("a change is recorded as pending before it is sent, then completed once with its outcome", () =>
    Effect.gen(function* () {
      const audit = auditOf(yield* freshStorage(backend))
      const before = Date.now()
      const id = yield* audit.begin(record())
      const [pending] = (yield* audit.list("T-ONE", {}, 1, 10)).records
      expect(pending).toMatchObject({ id, outcome: "pending", completedAt: null, details: { types: ["web"] } })
      expect(pending?.createdAt.getTime()).toBeGreaterThanOrEqual(before)
      expect(yield* audit.complete("T-TWO", id, "done")).toBe(false) // another team cannot complete it
      expect(yield* audit.complete("T-ONE", id, "done", undefined, "op-42")).toBe(true)
      expect(yield* audit.complete("T-ONE", id, "failed", "ScalingoUnavailable")).toBe(false)
      const [done] = (yield* audit.list("T-ONE", {}, 1, 10)).records
      expect(done).toMatchObject({ id, outcome: "done", scalingoRef: "op-42", errorTag: null })
      expect(done?.completedAt).toBeInstanceOf(Date)
    })
  )

  it.scopedLive("list pages newest first with a total, filtered by person and app, within the team only", () =>
    Effect.gen(function* () {
      const audit = auditOf(yield* freshStorage(backend))
      const ids: Array<string> = []
      for (const [i, who] of ["U-ADA", "U-GRACE", "U-ADA", "U-ADA", "U-GRACE"].entries()) {
        ids.push(yield* audit.begin(record({ slackUserId: who, app: i === 3 ? "billing" : "acme-web" })))
        yield* Effect.sleep("3 millis") // distinct creation times, so "newest first" is one order
      }
      yield* audit.begin(record({ teamId: "T-TWO", slackUserId: "U-ADA" }))
      const first = yield* audit.list("T-ONE", {}, 1, 2)
      expect(first.total).toBe(5)
      expect(first.records.map((r) => r.id)).toEqual([ids[4], ids[3]])
      expect((yield* audit.list("T-ONE", {}, 3, 2)).records.map((r) => r.id)).toEqual([ids[0]])
      expect((yield* audit.list("T-ONE", {}, 4, 2)).records).toEqual([])
      const ada = yield* audit.list("T-ONE", { userId: "U-ADA" }, 1, 10)
      expect(ada.records.map((r) => r.id)).toEqual([ids[3], ids[2], ids[0]])
      expect(ada.total).toBe(3)
      const adaOnAcme = yield* audit.list("T-ONE", { userId: "U-ADA", app: "acme-web" }, 1, 10)
      expect(adaOnAcme).toMatchObject({ total: 2 })
      expect((yield* audit.list("T-TWO", {}, 1, 10)).total).toBe(1)
      expect((yield* audit.list("T-THREE", {}, 1, 10)).total).toBe(0)
    })
  )

  it.scopedLive("records left pending by a crash are found by age across teams; the sweep removes old ones", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const audit = auditOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      const stuck = yield* audit.begin(record())
      const stuckElsewhere = yield* audit.begin(record({ teamId: "T-TWO" }))
      const finished = yield* audit.begin(record())
      const recent = yield* audit.begin(record())
      yield* audit.complete("T-ONE", finished, "failed", "Forbidden")
      for (const id of [stuck, stuckElsewhere, finished]) yield* age(databaseUrl, id, 1)
      const open = yield* audit.openOlderThan(new Date(Date.now() - 60_000))
      expect(open.map((r) => r.id).sort()).toEqual([stuck, stuckElsewhere].sort())
      // The caller marks them unknown; a late completion by the process that sent the change still wins.
      expect(yield* audit.complete("T-ONE", stuck, "unknown")).toBe(true)
      expect(yield* audit.openOlderThan(new Date(Date.now() + 1_000))).toHaveLength(2) // stuckElsewhere, recent
      expect(yield* audit.complete("T-ONE", stuck, "done")).toBe(true)

      yield* age(databaseUrl, stuck, 91)
      yield* age(databaseUrl, stuckElsewhere, 100)
      expect(yield* audit.deleteOlderThan(new Date(Date.now() - 90 * DAY))).toBe(2)
      expect((yield* audit.list("T-ONE", {}, 1, 10)).records.map((r) => r.id).sort()).toEqual([finished, recent].sort())
      expect((yield* audit.list("T-TWO", {}, 1, 10)).total).toBe(0)
    })
  )

  it.scopedLive("details or error tags that look like secrets are refused, naming the kind and not the value", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const audit = auditOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      const secrets = [
        "tk-us-oW5StXWJ-SEQ1xDr6uyhe4_s4TUYcwWUJ-WWBHaM6sZnnvZs",
        "xoxb-1234567890-abcdefghijkl",
        "https://logs.scalingo.example/apps/acme/logs?token=abcdef123456",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl"
      ]
      for (const secret of secrets) {
        const exit = yield* Effect.exit(audit.begin(record({ details: { nested: { note: `see ${secret}` } } })))
        const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
        expect(error).toMatchObject({ _tag: "StorageError", reason: "refused" })
        expect(error?.message).toMatch(/details looks like it holds a/)
        expect(JSON.stringify(error) + error?.message).not.toContain(secret)
      }
      const id = yield* audit.begin(record({ details: { amount: 3, note: "tokens are never stored" } }))
      const exit = yield* Effect.exit(audit.complete("T-ONE", id, "failed", `Refused ${secrets[0]}`))
      expect(Exit.isFailure(exit)).toBe(true)
      const sql = yield* rawSqlFor(databaseUrl)
      const stored = JSON.stringify(yield* sql`SELECT * FROM audit_records`)
      for (const secret of secrets) expect(stored).not.toContain(secret)
      expect((yield* audit.list("T-ONE", {}, 1, 10)).records).toMatchObject([{ id, outcome: "pending" }])
    })
  )
}
