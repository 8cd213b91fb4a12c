import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, Layer, Option, Redacted } from "effect"
import { sqliteLayer } from "../../src/storage/SqliteConnection.js"
import { holdSqliteWriteLock } from "../support/sqliteLock.js"
import { linksOf, newKey, newLink, openStorage } from "./storageFixtures.js"

const tempDatabase = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "bot-locking-"))),
  (folder) => Effect.sync(() => fs.rmSync(folder, { recursive: true, force: true }))
).pipe(Effect.map((folder) => path.join(folder, "bot.sqlite")))

/** The longest pause between timer ticks (every 10 ms) while `work` runs: how long the event loop was held. */
const longestStall = <A, E, R>(work: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    let last = performance.now()
    let longest = 0
    const ticker = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
    }, 10)
    // One more tick after the work, so a stall that ended with it is measured too.
    const result = yield* work.pipe(
      Effect.ensuring(
        Effect.zipRight(
          Effect.sleep("30 millis"),
          Effect.sync(() => clearInterval(ticker))
        )
      )
    )
    return { result, longest }
  })

const lock = (file: string, holdMs: number) => Effect.promise(() => holdSqliteWriteLock(file, holdMs))

describe("defect 5: SQLite waits for another process's write lock without holding the event loop", () => {
  it.scopedLive("a link saved while another process holds the lock is written once it lets go", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* tempDatabase
      const links = linksOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      const link = newLink()
      const held = yield* lock(databaseUrl, 1_500)
      const { longest } = yield* longestStall(links.save(link))
      const savedAt = performance.now()
      const releasedAt = yield* Effect.promise(() => held.released)
      expect(savedAt).toBeGreaterThanOrEqual(releasedAt - 50) // it did wait for the lock
      // Before the fix the event loop stood still for the whole 1.5 s (SQLite's busy_timeout slept on it).
      expect(longest).toBeLessThan(400)
      const found = Option.getOrThrow(yield* links.find(link.teamId, link.userId))
      expect(Redacted.value(found.apiToken)).toBe(Redacted.value(link.apiToken))
    })
  )

  it.scopedLive("reads go on while the lock is held (WAL), and a transaction waits for the lock", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* tempDatabase
      const sql = Context.get(yield* Layer.build(sqliteLayer({ filename: databaseUrl })), SqlClient.SqlClient)
      yield* sql`CREATE TABLE t (v TEXT NOT NULL)`
      yield* sql`INSERT INTO t (v) VALUES ('before')`
      const held = yield* lock(databaseUrl, 1_000)
      const read = yield* sql<{ v: string }>`SELECT v FROM t`
      expect(performance.now() - held.lockedAt).toBeLessThan(500)
      expect(read).toEqual([{ v: "before" }])
      const { longest } = yield* longestStall(
        sql.withTransaction(Effect.zipRight(sql`INSERT INTO t (v) VALUES ('during')`, sql`UPDATE t SET v = v || '!'`))
      )
      expect(performance.now()).toBeGreaterThanOrEqual((yield* Effect.promise(() => held.released)) - 50)
      expect(longest).toBeLessThan(400)
      expect((yield* sql<{ v: string }>`SELECT v FROM t ORDER BY v`).map((row) => row.v)).toEqual([
        "before!",
        "during!"
      ])
    })
  )

  it.scopedLive(
    "a lock held past the wait bound fails the statement with SQLITE_BUSY, then the database serves again",
    () =>
      Effect.gen(function* () {
        const databaseUrl = yield* tempDatabase
        const sql = Context.get(
          yield* Layer.build(sqliteLayer({ filename: databaseUrl, lockWait: "300 millis" })),
          SqlClient.SqlClient
        )
        yield* sql`CREATE TABLE t (v TEXT NOT NULL)`
        const held = yield* lock(databaseUrl, 1_500)
        const failure = yield* Effect.flip(sql`INSERT INTO t (v) VALUES ('late')`)
        const gaveUpAfter = performance.now() - held.lockedAt
        expect((failure.cause as { code?: string }).code).toMatch(/^SQLITE_BUSY/)
        expect(gaveUpAfter).toBeGreaterThanOrEqual(250)
        expect(gaveUpAfter).toBeLessThan(1_400)
        yield* Effect.promise(() => held.released)
        yield* sql`INSERT INTO t (v) VALUES ('after')`
        expect(yield* sql`SELECT v FROM t`).toEqual([{ v: "after" }])
      })
  )

  it.scopedLive("several instances starting together on a fresh SQLite file all migrate and serve", () =>
    Effect.gen(function* () {
      for (let round = 0; round < 3; round++) {
        const databaseUrl = yield* tempDatabase
        const key = newKey()
        const instances = yield* Effect.all(
          [1, 2, 3].map(() => openStorage(databaseUrl, { keys: key })),
          { concurrency: "unbounded" }
        )
        const link = newLink()
        yield* linksOf(instances[0]!).save(link)
        const found = yield* linksOf(instances[2]!).find(link.teamId, link.userId)
        expect(Redacted.value(Option.getOrThrow(found).apiToken)).toBe(Redacted.value(link.apiToken))
      }
    })
  )
})
