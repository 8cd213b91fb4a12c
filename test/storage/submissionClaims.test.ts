import { randomBytes } from "node:crypto"
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Effect, type Scope } from "effect"
import { runMigrations } from "../../src/storage/Migrations.js"
import { SubmissionClaims } from "../../src/storage/SubmissionClaims.js"
import { freshSchema, testDatabaseUrl } from "../support/postgres.js"
import { rawSqlFor } from "./storageFixtures.js"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

/** Two separately built claim stores on one database, as two replicas would have. */
const twoStores = (databaseUrl: string) =>
  Effect.gen(function* () {
    const store = () =>
      Effect.gen(function* () {
        const sql = yield* rawSqlFor(databaseUrl)
        yield* runMigrations.pipe(Effect.provideService(SqlClient.SqlClient, sql))
        return yield* SubmissionClaims.pipe(
          Effect.provide(SubmissionClaims.layer),
          Effect.provideService(SqlClient.SqlClient, sql)
        )
      })
    return [yield* store(), yield* store()] as const
  })

/** Keys unique to this run: the claims suite may share a database with other runs. */
const runId = randomBytes(4).toString("hex")

const claimSuite = (name: string, databaseUrl: () => Effect.Effect<string, never, Scope.Scope>) =>
  describe(name, () => {
    it.scopedLive("a submission is claimed once, whichever replica sees it, even when both race", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        const results = yield* Effect.all(
          [a.claim("create:V1"), b.claim("create:V1"), a.claim("create:V1"), b.claim("create:V1")],
          { concurrency: "unbounded" }
        )
        expect(results.filter(Boolean)).toHaveLength(1)
        expect(yield* a.claim("create:V2")).toBe(true)
      })
    )

    it.scopedLive("many changes claimed at once through two clients: exactly one claim wins each", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        const keys = Array.from({ length: 25 }, (_, i) => `confirm:${runId}:${i}`)
        const attempts = keys.flatMap((key) =>
          [a, b, a, b, a, b].map((store) => Effect.map(store.claim(key), (won) => [key, won] as const))
        )
        const results = yield* Effect.all(attempts, { concurrency: "unbounded" })
        for (const key of keys) expect(results.filter(([k, won]) => k === key && won)).toHaveLength(1)
      })
    )

    it.scopedLive("a claim holds until it expires, then exactly one of several racing claims takes it over", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        const key = `confirm:${runId}:expiring`
        expect(yield* a.claim(key, "300 millis")).toBe(true)
        expect(yield* b.claim(key, "300 millis")).toBe(false)
        yield* Effect.sleep("400 millis")
        const racing = yield* Effect.all([a.claim(key), b.claim(key), a.claim(key), b.claim(key)], {
          concurrency: "unbounded"
        })
        expect(racing.filter(Boolean)).toHaveLength(1)
        expect(yield* a.claim(key)).toBe(false) // taken over for the default day, not the 300 ms
      })
    )

    it.scopedLive("a released claim can be claimed again (the person corrects and resubmits)", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        expect(yield* a.claim("create:V3")).toBe(true)
        yield* a.release("create:V3")
        expect(yield* b.claim("create:V3")).toBe(true)
        expect(yield* a.claim("create:V3")).toBe(false)
      })
    )
  })

claimSuite("submission claims on SQLite", () =>
  Effect.sync(() => path.join(mkdtempSync(path.join(tmpdir(), "claims-")), "bot.sqlite"))
)

if (!testDatabaseUrl) console.warn("Skipping submission claims on PostgreSQL: TEST_DATABASE_URL is not set.")
describe.skipIf(!testDatabaseUrl)("on PostgreSQL (needs TEST_DATABASE_URL)", () => {
  claimSuite("submission claims on PostgreSQL", () =>
    Effect.acquireRelease(
      Effect.promise(() => freshSchema()),
      (db) => Effect.promise(() => db.drop())
    ).pipe(Effect.map((db) => db.url))
  )
})
