import { expect, it } from "@effect/vitest"
import { Context, Effect, Exit, Option } from "effect"
import { type NewPendingChange, PendingChanges } from "../../src/storage/PendingChanges.js"
import {
  freshStorage,
  newKey,
  newOwner,
  openStorage,
  rawSqlFor,
  type StorageBackend,
  twoReplicas
} from "./storageFixtures.js"

const TEN_MINUTES = 10 * 60_000

const newChange = (owner = newOwner()): NewPendingChange => ({
  ...owner,
  channelId: "C-OPS",
  action: "restart",
  app: "acme-web",
  region: "osc-fr1",
  details: { types: ["web", "worker"] }
})

/** Confirmations of restarts and scales, proven the same way on every dialect. */
export const pendingChangesSuite = (backend: StorageBackend) => {
  const changesOf = (storage: Context.Context<PendingChanges>) => Context.get(storage, PendingChanges)

  it.scopedLive("a created change gets a random url-safe id of 128 bits and is found again as pending", () =>
    Effect.gen(function* () {
      const changes = changesOf(yield* freshStorage(backend))
      const before = Date.now()
      const [a, b] = [yield* changes.create(newChange()), yield* changes.create(newChange())]
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{22,}$/)
      expect(Buffer.from(a.id, "base64url")).toHaveLength(16)
      expect(a.id).not.toBe(b.id)
      const found = Option.getOrThrow(yield* changes.find(a.teamId, a.id))
      expect(found).toEqual(a)
      expect(found).toMatchObject({ status: "pending", decidedAt: null, details: { types: ["web", "worker"] } })
      expect(found.createdAt.getTime()).toBeGreaterThanOrEqual(before)
      expect(found.expiresAt.getTime() - found.createdAt.getTime()).toBe(TEN_MINUTES)
    })
  )

  it.scopedLive("a change keeps where its question can be edited, and expiring it hands that back", () =>
    Effect.gen(function* () {
      const changes = changesOf(yield* freshStorage(backend))
      const questionUrl = "https://hooks.slack.com/commands/T0001/1/question"
      const asked = yield* changes.create({ ...newChange(), questionUrl }, "1 minute")
      expect(Option.getOrThrow(yield* changes.find(asked.teamId, asked.id)).questionUrl).toBe(questionUrl)
      expect((yield* changes.create(newChange())).questionUrl).toBeNull()
      const [expired] = yield* changes.expireDue(new Date(asked.expiresAt.getTime() + 1))
      expect(expired).toMatchObject({ id: asked.id, status: "expired", questionUrl })
    })
  )

  it.scopedLive("only the asker confirms; everyone else learns why not, and the winner gets the change", () =>
    Effect.gen(function* () {
      const changes = changesOf(yield* freshStorage(backend))
      const change = yield* changes.create(newChange())
      expect(yield* changes.confirm(change.teamId, change.id, "U-SOMEONE-ELSE")).toEqual({ _tag: "NotYours" })
      const won = yield* changes.confirm(change.teamId, change.id, change.userId)
      expect(won._tag).toBe("Decided")
      const decided = won._tag === "Decided" ? won.change : undefined
      expect(decided).toMatchObject({ id: change.id, status: "confirmed", app: "acme-web" })
      expect(decided?.decidedAt).toBeInstanceOf(Date)
      const again = yield* changes.confirm(change.teamId, change.id, change.userId)
      expect(again).toMatchObject({ _tag: "AlreadyDecided", change: { status: "confirmed" } })
      expect(yield* changes.cancel(change.teamId, change.id, change.userId)).toMatchObject({
        _tag: "AlreadyDecided"
      })
      expect(yield* changes.confirm(change.teamId, "no-such-id", change.userId)).toEqual({ _tag: "Unknown" })
      expect(yield* changes.confirm(change.teamId, change.id, "U-SOMEONE-ELSE")).toEqual({ _tag: "NotYours" })
    })
  )

  it.scopedLive("a confirmed change is marked sent once, and only a confirmed one", () =>
    Effect.gen(function* () {
      const changes = changesOf(yield* freshStorage(backend))
      const change = yield* changes.create(newChange())
      expect(yield* changes.markSent(change.teamId, change.id)).toBe(false)
      yield* changes.confirm(change.teamId, change.id, change.userId)
      expect(yield* changes.markSent(change.teamId, change.id)).toBe(true)
      expect(yield* changes.markSent(change.teamId, change.id)).toBe(false)
      expect(yield* changes.confirm(change.teamId, change.id, change.userId)).toMatchObject({
        _tag: "AlreadyDecided",
        change: { status: "sent" }
      })
    })
  )

  it.scopedLive("a cancelled change cannot be confirmed; a change past its expiry is expired, not confirmable", () =>
    Effect.gen(function* () {
      const changes = changesOf(yield* freshStorage(backend))
      const cancelled = yield* changes.create(newChange())
      expect(yield* changes.cancel(cancelled.teamId, cancelled.id, "U-SOMEONE-ELSE")).toEqual({ _tag: "NotYours" })
      expect((yield* changes.cancel(cancelled.teamId, cancelled.id, cancelled.userId))._tag).toBe("Decided")
      expect(yield* changes.confirm(cancelled.teamId, cancelled.id, cancelled.userId)).toMatchObject({
        _tag: "AlreadyDecided",
        change: { status: "cancelled" }
      })

      const late = yield* changes.create(newChange(), "10 minutes")
      const justBefore = new Date(late.expiresAt.getTime() - 1)
      const atExpiry = late.expiresAt
      const expired = yield* changes.confirm(late.teamId, late.id, late.userId, atExpiry)
      expect(expired).toMatchObject({ _tag: "Expired", change: { status: "expired" } })
      expect((yield* changes.cancel(late.teamId, late.id, late.userId, atExpiry))._tag).toBe("Expired")
      expect((yield* changes.confirm(late.teamId, late.id, late.userId, justBefore))._tag).toBe("Decided")
    })
  )

  it.scopedLive("three clicks, a Slack retry and two replicas racing give exactly one confirmation", () =>
    Effect.gen(function* () {
      const { first, second } = yield* twoReplicas(backend)
      const [a, b] = [changesOf(first), changesOf(second)]
      for (let round = 0; round < 5; round++) {
        const change = yield* a.create(newChange())
        const clicks = [a, b, a, b, a, b].map((changes) => changes.confirm(change.teamId, change.id, change.userId))
        const stranger = b.confirm(change.teamId, change.id, "U-STRANGER")
        const results = yield* Effect.all([...clicks, stranger], { concurrency: "unbounded" })
        expect(results.filter((result) => result._tag === "Decided")).toHaveLength(1)
        expect(results.filter((result) => result._tag === "AlreadyDecided")).toHaveLength(5)
        expect(results.at(-1)).toEqual({ _tag: "NotYours" })
      }
    })
  )

  it.scopedLive("expireDue hands each expired change to exactly one of two replicas, once", () =>
    Effect.gen(function* () {
      const { first, second } = yield* twoReplicas(backend)
      const [a, b] = [changesOf(first), changesOf(second)]
      const due = yield* Effect.all(
        Array.from({ length: 6 }, () => a.create(newChange(), "1 minute")),
        { concurrency: 2 }
      )
      const fresh = yield* a.create(newChange(), "1 hour")
      const later = new Date(Date.now() + 2 * 60_000)
      const [fromA, fromB] = yield* Effect.all([a.expireDue(later), b.expireDue(later)], { concurrency: "unbounded" })
      const expiredIds = [...fromA, ...fromB].map((change) => change.id).sort()
      expect(expiredIds).toEqual(due.map((change) => change.id).sort())
      expect([...fromA, ...fromB].every((change) => change.status === "expired")).toBe(true)
      expect(yield* a.expireDue(later)).toEqual([])
      expect(Option.getOrThrow(yield* b.find(fresh.teamId, fresh.id)).status).toBe("pending")
    })
  )

  it.scopedLive("the sweep deletes changes a day past expiry and keeps the rest", () =>
    Effect.gen(function* () {
      const changes = changesOf(yield* freshStorage(backend))
      const old = yield* changes.create(newChange(), "1 minute")
      const recent = yield* changes.create(newChange(), "2 days")
      const dayAndMore = new Date(old.expiresAt.getTime() + 24 * 3_600_000 + 1_000)
      expect(yield* changes.sweep(new Date(old.expiresAt.getTime() + 3_600_000))).toBe(0)
      expect(yield* changes.sweep(dayAndMore)).toBe(1)
      expect(yield* changes.find(old.teamId, old.id)).toEqual(Option.none())
      expect(Option.isSome(yield* changes.find(recent.teamId, recent.id))).toBe(true)
    })
  )

  it.scopedLive("another team sees, confirms and cancels none of a team's changes", () =>
    Effect.gen(function* () {
      const changes = changesOf(yield* freshStorage(backend))
      const mine = yield* changes.create(newChange({ teamId: "T-ONE", userId: "U-SAME" }))
      const theirs = yield* changes.create(newChange({ teamId: "T-TWO", userId: "U-SAME" }))
      expect(yield* changes.find("T-TWO", mine.id)).toEqual(Option.none())
      expect(yield* changes.confirm("T-TWO", mine.id, "U-SAME")).toEqual({ _tag: "Unknown" })
      expect(yield* changes.cancel("T-TWO", mine.id, "U-SAME")).toEqual({ _tag: "Unknown" })
      expect(Option.getOrThrow(yield* changes.find("T-ONE", mine.id)).status).toBe("pending")
      expect((yield* changes.confirm("T-TWO", theirs.id, "U-SAME"))._tag).toBe("Decided")
      expect(Option.getOrThrow(yield* changes.find("T-ONE", mine.id)).status).toBe("pending")
    })
  )

  it.scopedLive("details that look secret or are too large are refused and nothing is stored", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const changes = changesOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      const token = "tk-us-BQ3LRmLGc35pMjdgwjX6kI1IWh7MAYk2uqquYwLDxCd4fhSm"
      for (const details of [{ note: token }, { blob: "x".repeat(3_000) }]) {
        const exit = yield* Effect.exit(changes.create({ ...newChange(), details }))
        expect(Exit.isFailure(exit)).toBe(true)
        const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
        expect(error).toMatchObject({ _tag: "StorageError", reason: "refused" })
        expect(error?.message).not.toContain(token)
      }
      const sql = yield* rawSqlFor(databaseUrl)
      expect(yield* sql`SELECT id FROM pending_changes`).toEqual([])
    })
  )
}
