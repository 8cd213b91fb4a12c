import { randomBytes } from "node:crypto"
import { Migrator, SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Effect, type Scope } from "effect"
import { runMigrations } from "../../src/storage/Migrations.js"
import accountLinks from "../../src/storage/migrations/0001_account_links.js"
import submissionClaims from "../../src/storage/migrations/0002_submission_claims.js"
import tokenFingerprints from "../../src/storage/migrations/0003_token_fingerprints.js"
import sealingKeys from "../../src/storage/migrations/0004_sealing_keys.js"
import claimExpiry from "../../src/storage/migrations/0005_claim_expiry.js"
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
const team = `T-${runId}`

const claimSuite = (name: string, databaseUrl: () => Effect.Effect<string, never, Scope.Scope>) =>
  describe(name, () => {
    it.scopedLive("a submission is claimed once, whichever replica sees it, even when both race", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        const results = yield* Effect.all(
          [
            a.claim(team, "create:V1"),
            b.claim(team, "create:V1"),
            a.claim(team, "create:V1"),
            b.claim(team, "create:V1")
          ],
          { concurrency: "unbounded" }
        )
        expect(results.filter(Boolean)).toHaveLength(1)
        expect(yield* a.claim(team, "create:V2")).toBe(true)
      })
    )

    it.scopedLive("many changes claimed at once through two clients: exactly one claim wins each", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        const keys = Array.from({ length: 25 }, (_, i) => `confirm:${runId}:${i}`)
        const attempts = keys.flatMap((key) =>
          [a, b, a, b, a, b].map((store) => Effect.map(store.claim(team, key), (won) => [key, won] as const))
        )
        const results = yield* Effect.all(attempts, { concurrency: "unbounded" })
        for (const key of keys) expect(results.filter(([k, won]) => k === key && won)).toHaveLength(1)
      })
    )

    it.scopedLive("a claim holds until it expires, then exactly one of several racing claims takes it over", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        const key = `confirm:${runId}:expiring`
        expect(yield* a.claim(team, key, "300 millis")).toBe(true)
        expect(yield* b.claim(team, key, "300 millis")).toBe(false)
        yield* Effect.sleep("400 millis")
        const racing = yield* Effect.all(
          [a.claim(team, key), b.claim(team, key), a.claim(team, key), b.claim(team, key)],
          {
            concurrency: "unbounded"
          }
        )
        expect(racing.filter(Boolean)).toHaveLength(1)
        expect(yield* a.claim(team, key)).toBe(false) // taken over for the default day, not the 300 ms
      })
    )

    it.scopedLive("a released claim can be claimed again (the person corrects and resubmits)", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        expect(yield* a.claim(team, "create:V3")).toBe(true)
        yield* a.release(team, "create:V3")
        expect(yield* b.claim(team, "create:V3")).toBe(true)
        expect(yield* a.claim(team, "create:V3")).toBe(false)
      })
    )

    it.scopedLive("claims are per team: the same key is claimed once in each team and released in one only", () =>
      Effect.gen(function* () {
        const [a, b] = yield* twoStores(yield* databaseUrl())
        const key = `create:${runId}:shared`
        const results = yield* Effect.all(
          [a.claim("T-ONE", key), b.claim("T-TWO", key), b.claim("T-ONE", key), a.claim("T-TWO", key)],
          { concurrency: "unbounded" }
        )
        // One winner in each team: T-ONE's claims are 0 and 2, T-TWO's 1 and 3.
        expect([results[0], results[2]].filter(Boolean)).toHaveLength(1)
        expect([results[1], results[3]].filter(Boolean)).toHaveLength(1)
        yield* a.release("T-TWO", key)
        expect(yield* b.claim("T-ONE", key)).toBe(false)
        expect(yield* b.claim("T-TWO", key)).toBe(true)
      })
    )

    it.scopedLive("claims made before claims had teams keep holding, for every team, until they expire", () =>
      Effect.gen(function* () {
        const url = yield* databaseUrl()
        const sql = yield* rawSqlFor(url)
        const before = Migrator.fromRecord({
          "0001_account_links": accountLinks,
          "0002_submission_claims": submissionClaims,
          "0003_token_fingerprints": tokenFingerprints,
          "0004_sealing_keys": sealingKeys,
          "0005_claim_expiry": claimExpiry
        })
        yield* Migrator.make({})({ loader: before }).pipe(Effect.provideService(SqlClient.SqlClient, sql))
        const now = Date.now()
        const legacy = [
          ["create:VHELD", new Date(now + 3_600_000)],
          ["create:VGONE", new Date(now - 60_000)]
        ] as const
        for (const [key, expires] of legacy)
          yield* sql`INSERT INTO submission_claims (claim_key, claimed_at, expires_at)
            VALUES (${key}, ${new Date(now - 3_600_000).toISOString()}, ${expires.toISOString()})`
        const [a] = yield* twoStores(url)
        expect(yield* a.claim("T-ONE", "create:VHELD")).toBe(false)
        expect(yield* a.claim("T-TWO", "create:VHELD")).toBe(false)
        expect(yield* a.claim("T-ONE", "create:VGONE")).toBe(true)
        expect(yield* a.claim("T-ONE", "create:VNEW")).toBe(true)
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
