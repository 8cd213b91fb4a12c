import { SqlClient } from "@effect/sql"
import { expect, it } from "@effect/vitest"
import { Effect, Exit, Option, Redacted, Scope } from "effect"
import { runMigrations } from "../../src/storage/Migrations.js"
import type { StorageError } from "../../src/storage/StorageError.js"
import {
  healthOf,
  linksOf,
  newApiToken,
  newKey,
  newLink,
  newOwner,
  openStorage,
  rawSqlFor,
  type StorageBackend
} from "./storageFixtures.js"

const expectFailure = <A>(exit: Exit.Exit<A, StorageError>): StorageError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a StorageError, got a success")
  const failure = exit.cause._tag === "Fail" ? exit.cause.error : undefined
  if (failure === undefined) throw new Error(`expected a StorageError failure, got ${exit.cause._tag}`)
  return failure
}

/** The account-link repository's behaviour, proven the same way against every dialect. */
export const accountLinksSuite = (backend: StorageBackend) => {
  const key = newKey()

  it.scopedLive("a saved link is found again with its token, account and link time", () =>
    Effect.gen(function* () {
      const links = linksOf(yield* openStorage(yield* backend.freshDatabase, { keys: key }))
      const link = newLink()
      const before = Date.now()
      const saved = yield* links.save(link)
      const found = Option.getOrThrow(yield* links.find(link.teamId, link.userId))
      expect(Redacted.value(found.apiToken)).toBe(Redacted.value(link.apiToken))
      expect(found).toMatchObject({
        teamId: link.teamId,
        userId: link.userId,
        scalingoUserId: link.scalingoUserId,
        username: "ada",
        email: "ada@example.com",
        lastUsedAt: null,
        rejectedAt: null
      })
      expect(found.linkedAt.getTime()).toBeGreaterThanOrEqual(before)
      expect(found.linkedAt.getTime()).toBe(saved.linkedAt.getTime())
    })
  )

  it.scopedLive("a person who never linked has no link, even when someone else in the team has one", () =>
    Effect.gen(function* () {
      const links = linksOf(yield* openStorage(yield* backend.freshDatabase, { keys: key }))
      const link = newLink()
      yield* links.save(link)
      expect(yield* links.find(link.teamId, "U-SOMEONE-ELSE")).toEqual(Option.none())
      expect(yield* links.find("T-OTHER-TEAM", link.userId)).toEqual(Option.none())
    })
  )

  it.scopedLive("touch and markRejected record when they happened", () =>
    Effect.gen(function* () {
      const links = linksOf(yield* openStorage(yield* backend.freshDatabase, { keys: key }))
      const link = newLink()
      yield* links.save(link)
      const before = Date.now()
      yield* links.touch(link.teamId, link.userId)
      expect(yield* links.markRejected(link.teamId, link.userId, link.apiToken)).toBe(true)
      const found = Option.getOrThrow(yield* links.find(link.teamId, link.userId))
      expect(found.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before)
      expect(found.rejectedAt?.getTime()).toBeGreaterThanOrEqual(before)
      // Neither touches a person without a link.
      yield* links.touch("T-NOBODY", "U-NOBODY")
      expect(yield* links.markRejected("T-NOBODY", "U-NOBODY", link.apiToken)).toBe(false)
      expect(yield* links.find("T-NOBODY", "U-NOBODY")).toEqual(Option.none())
    })
  )

  it.scopedLive("saving again replaces the token and account and clears the rejection", () =>
    Effect.gen(function* () {
      const links = linksOf(yield* openStorage(yield* backend.freshDatabase, { keys: key }))
      const owner = newOwner()
      const first = newLink(owner)
      yield* links.save(first)
      yield* links.touch(owner.teamId, owner.userId)
      yield* links.markRejected(owner.teamId, owner.userId, first.apiToken)
      const replacement = { ...newLink(owner), username: "grace", email: "grace@example.com" }
      yield* links.save(replacement)
      const found = Option.getOrThrow(yield* links.find(owner.teamId, owner.userId))
      expect(Redacted.value(found.apiToken)).toBe(Redacted.value(replacement.apiToken))
      expect(found).toMatchObject({
        scalingoUserId: replacement.scalingoUserId,
        username: "grace",
        email: "grace@example.com",
        rejectedAt: null,
        lastUsedAt: null
      })
    })
  )

  it.scopedLive("remove forgets the link and tells whether there was one", () =>
    Effect.gen(function* () {
      const links = linksOf(yield* openStorage(yield* backend.freshDatabase, { keys: key }))
      const link = newLink()
      yield* links.save(link)
      expect(yield* links.remove(link.teamId, link.userId)).toBe(true)
      expect(yield* links.find(link.teamId, link.userId)).toEqual(Option.none())
      expect(yield* links.remove(link.teamId, link.userId)).toBe(false)
    })
  )

  it.scopedLive("no API token is stored in plain text", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const links = linksOf(yield* openStorage(databaseUrl, { keys: key }))
      const tokens = [newApiToken(), newApiToken()]
      for (const token of tokens) yield* links.save(newLink(newOwner(), token))
      const contents = yield* backend.contentsAtRest(databaseUrl)
      expect(contents).toContain("ada@example.com") // proves we are looking at the stored rows
      for (const token of tokens) {
        expect(contents).not.toContain(token)
        expect(contents).not.toContain(token.slice(6, 30))
      }
    })
  )

  it.scopedLive("a token whose key is no longer configured fails cleanly, and storage still starts", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const link = newLink()
      yield* Effect.scoped(
        Effect.flatMap(openStorage(databaseUrl, { keys: newKey() }), (storage) => linksOf(storage).save(link))
      )
      const links = linksOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      const error = expectFailure(yield* Effect.exit(links.find(link.teamId, link.userId)))
      expect(error).toMatchObject({ _tag: "StorageError", reason: "unsealable" })
      expect(JSON.stringify(error) + error.message).not.toContain(Redacted.value(link.apiToken))
      const report = yield* links.resealAll()
      expect(report).toMatchObject({ resealed: 0, remaining: 1 })
      expect([...report.unreadable.values()]).toEqual([1])
    })
  )

  it.scopedLive("a tampered sealed token fails with a tagged error that holds no token", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const links = linksOf(yield* openStorage(databaseUrl, { keys: key }))
      const sql = yield* rawSqlFor(databaseUrl)
      const link = newLink()
      yield* links.save(link)
      const [row] = yield* sql<{
        sealed_token: string
      }>`SELECT sealed_token FROM account_links WHERE team_id = ${link.teamId}`
      const bytes = Buffer.from(row!.sealed_token, "base64")
      bytes[bytes.length - 1]! ^= 0x01
      yield* sql`UPDATE account_links SET sealed_token = ${bytes.toString("base64")} WHERE team_id = ${link.teamId}`
      const error = expectFailure(yield* Effect.exit(links.find(link.teamId, link.userId)))
      expect(error).toMatchObject({ _tag: "StorageError", reason: "unsealable" })
      expect(JSON.stringify(error) + error.message).not.toContain(Redacted.value(link.apiToken))
    })
  )

  it.scopedLive("a sealed token copied into another person's row does not open there", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const links = linksOf(yield* openStorage(databaseUrl, { keys: key }))
      const sql = yield* rawSqlFor(databaseUrl)
      const [victim, attacker] = [newLink(), newLink()]
      yield* links.save(victim)
      yield* links.save(attacker)
      yield* sql`UPDATE account_links
        SET sealed_token = (SELECT sealed_token FROM account_links WHERE team_id = ${victim.teamId})
        WHERE team_id = ${attacker.teamId}`
      const error = expectFailure(yield* Effect.exit(links.find(attacker.teamId, attacker.userId)))
      expect(error.reason).toBe("unsealable")
    })
  )

  it.scopedLive("a link saved by one instance is read by a second instance on the same database", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const [first, second] = [
        yield* openStorage(databaseUrl, { keys: key }),
        yield* openStorage(databaseUrl, { keys: key })
      ]
      const link = newLink()
      yield* linksOf(first).save(link)
      const found = Option.getOrThrow(yield* linksOf(second).find(link.teamId, link.userId))
      expect(Redacted.value(found.apiToken)).toBe(Redacted.value(link.apiToken))
      expect(yield* linksOf(second).remove(link.teamId, link.userId)).toBe(true)
      expect(yield* linksOf(first).find(link.teamId, link.userId)).toEqual(Option.none())
    })
  )

  it.scopedLive("migrations run again find nothing to do and keep the data", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const link = newLink()
      yield* Effect.scoped(
        Effect.flatMap(openStorage(databaseUrl, { keys: key }), (storage) => linksOf(storage).save(link))
      )
      const sql = yield* rawSqlFor(databaseUrl)
      expect(yield* runMigrations.pipe(Effect.provideService(SqlClient.SqlClient, sql))).toEqual([])
      const links = linksOf(yield* openStorage(databaseUrl, { keys: key }))
      expect(Option.isSome(yield* links.find(link.teamId, link.userId))).toBe(true)
      const applied = yield* sql<{ migration_id: number }>`SELECT migration_id FROM effect_sql_migrations`
      expect(applied.map((row) => Number(row.migration_id))).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
      ])
    })
  )

  it.scopedLive("the health ping answers true while the database is open", () =>
    Effect.gen(function* () {
      const storage = yield* openStorage(yield* backend.freshDatabase, { keys: key })
      expect(yield* healthOf(storage).ping).toBe(true)
    })
  )

  it.scopedLive("the health ping answers false once the database is closed", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const scope = yield* Scope.make()
      const storage = yield* openStorage(databaseUrl, { keys: key }).pipe(Scope.extend(scope))
      yield* Scope.close(scope, Exit.void)
      expect(yield* healthOf(storage).ping).toBe(false)
    })
  )
}
