import { randomBytes } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Option, Redacted } from "effect"
import { accountLinksSuite } from "./accountLinksSuite.js"
import { auditRecordsSuite } from "./auditRecordsSuite.js"
import { deliveryLedgerSuite } from "./deliveryLedgerSuite.js"
import { installationsSuite } from "./installationsSuite.js"
import { keyRotationSuite } from "./keyRotationSuite.js"
import { leasesSuite } from "./leasesSuite.js"
import { pendingChangesSuite } from "./pendingChangesSuite.js"
import { policiesAndStarsSuite } from "./policiesAndStarsSuite.js"
import { staleRejectionSuite } from "./staleRejectionSuite.js"
import { subscriptionsSuite } from "./subscriptionsSuite.js"
import { linksOf, newKey, newLink, openStorage, rawSqlFor, type StorageBackend } from "./storageFixtures.js"

const testDatabaseUrl = process.env.TEST_DATABASE_URL
if (!testDatabaseUrl) {
  console.warn(
    "Skipping the PostgreSQL storage tests: TEST_DATABASE_URL is not set " +
      "(e.g. postgres://postgres@127.0.0.1:5432/test)."
  )
}

/**
 * The test database is shared with other test files, so each test gets its own schema, selected
 * through the connection's search_path, and drops it afterwards.
 */
const freshSchema = Effect.gen(function* () {
  const admin = yield* rawSqlFor(testDatabaseUrl!)
  const schema = `storage_test_${randomBytes(6).toString("hex")}`
  yield* Effect.acquireRelease(Effect.orDie(admin`CREATE SCHEMA ${admin(schema)}`), () =>
    Effect.ignore(admin`DROP SCHEMA ${admin(schema)} CASCADE`)
  )
  const url = new URL(testDatabaseUrl!)
  url.searchParams.set("options", `-c search_path=${schema}`)
  return url.toString()
}).pipe(Effect.orDie)

const postgres: StorageBackend = {
  name: "PostgreSQL",
  freshDatabase: freshSchema,
  contentsAtRest: (databaseUrl) =>
    Effect.flatMap(rawSqlFor(databaseUrl), (sql) =>
      Effect.map(sql`SELECT * FROM account_links`, (rows) => JSON.stringify(rows))
    )
}

describe.skipIf(!testDatabaseUrl)("AccountLinks on PostgreSQL (needs TEST_DATABASE_URL)", () => {
  accountLinksSuite(postgres)
  staleRejectionSuite(postgres)
  keyRotationSuite(postgres)
})

describe.skipIf(!testDatabaseUrl)("Repositories on PostgreSQL (needs TEST_DATABASE_URL)", () => {
  describe("PendingChanges", () => pendingChangesSuite(postgres))
  describe("Subscriptions", () => subscriptionsSuite(postgres))
  describe("DeliveryLedger", () => deliveryLedgerSuite(postgres))
  describe("Leases", () => leasesSuite(postgres))
  describe("ChannelPolicies and Stars", () => policiesAndStarsSuite(postgres))
  describe("AuditRecords", () => auditRecordsSuite(postgres))
  describe("Installations", () => installationsSuite(postgres))
})

describe.skipIf(!testDatabaseUrl)("PostgreSQL storage (needs TEST_DATABASE_URL)", () => {
  it.scopedLive("several instances starting together on a fresh database all migrate and serve", () =>
    Effect.gen(function* () {
      for (let round = 0; round < 3; round++) {
        const databaseUrl = yield* postgres.freshDatabase
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

  it.scopedLive("an unreachable server fails with a readable StorageError that hides the password", () =>
    Effect.gen(function* () {
      const password = "s3cret-Passw0rd"
      const exit = yield* Effect.exit(openStorage(`postgres://bot:${password}@127.0.0.1:1/botdb`, { keys: newKey() }))
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      expect(error).toMatchObject({ _tag: "StorageError", reason: "connect" })
      expect(error?.message).toContain("Could not open PostgreSQL at 127.0.0.1:1/botdb")
      expect(JSON.stringify(error) + error?.message).not.toContain(password)
    })
  )
})
