import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Logger, Option, Redacted } from "effect"
import { generatedKeyFileName } from "../../src/storage/GeneratedKeyFile.js"
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

/** A temporary folder, removed with the scope. */
const tempFolder = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "bot-storage-"))),
  (folder) => Effect.sync(() => fs.rmSync(folder, { recursive: true, force: true }))
)

const sqlite: StorageBackend = {
  name: "SQLite",
  // A folder that does not exist yet: storage must create it.
  freshDatabase: Effect.map(tempFolder, (folder) => path.join(folder, "data", "links.sqlite")),
  // The file plus its WAL and shared-memory files, read while the database is still open.
  contentsAtRest: (databaseUrl) =>
    Effect.sync(() =>
      ["", "-wal", "-shm"]
        .map((suffix) => databaseUrl + suffix)
        .filter((file) => fs.existsSync(file))
        .map((file) => fs.readFileSync(file).toString("latin1"))
        .join("\n")
    )
}

describe("AccountLinks on SQLite", () => {
  accountLinksSuite(sqlite)
  staleRejectionSuite(sqlite)
  keyRotationSuite(sqlite)
})

describe("Repositories on SQLite", () => {
  describe("PendingChanges", () => pendingChangesSuite(sqlite))
  describe("Subscriptions", () => subscriptionsSuite(sqlite))
  describe("DeliveryLedger", () => deliveryLedgerSuite(sqlite))
  describe("Leases", () => leasesSuite(sqlite))
  describe("ChannelPolicies and Stars", () => policiesAndStarsSuite(sqlite))
  describe("AuditRecords", () => auditRecordsSuite(sqlite))
  describe("Installations", () => installationsSuite(sqlite))
})

describe("SQLite storage", () => {
  it.scopedLive("opens the database in WAL journal mode, creating its folder", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* sqlite.freshDatabase
      expect(fs.existsSync(path.dirname(databaseUrl))).toBe(false)
      yield* openStorage(databaseUrl, { keys: newKey() })
      const sql = yield* rawSqlFor(databaseUrl)
      const [mode] = yield* sql<{ journal_mode: string }>`PRAGMA journal_mode`
      expect(mode?.journal_mode).toBe("wal")
    })
  )

  it.scopedLive("a database path that cannot be created fails with a readable StorageError", () =>
    Effect.gen(function* () {
      const folder = yield* tempFolder
      const blocker = path.join(folder, "not-a-folder")
      fs.writeFileSync(blocker, "")
      const exit = yield* Effect.exit(openStorage(path.join(blocker, "links.sqlite"), { keys: newKey() }))
      expect(Exit.isFailure(exit)).toBe(true)
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      expect(error).toMatchObject({ _tag: "StorageError", reason: "connect" })
      expect(error?.message).toContain(`the SQLite database at ${path.join(blocker, "links.sqlite")}`)
    })
  )

  it.scopedLive(
    "without TOKEN_ENCRYPTION_KEY a key is generated once into the data folder with mode 0600, then reused",
    () =>
      Effect.gen(function* () {
        const databaseUrl = yield* sqlite.freshDatabase
        const keyFile = path.join(path.dirname(databaseUrl), generatedKeyFileName)
        const warnings: Array<string> = []
        const captureWarnings = Logger.replace(
          Logger.defaultLogger,
          Logger.make(({ logLevel, message }) => {
            if (logLevel._tag === "Warning") warnings.push(String(message))
          })
        )
        const link = newLink()

        yield* Effect.scoped(Effect.flatMap(openStorage(databaseUrl), (storage) => linksOf(storage).save(link))).pipe(
          Effect.provide(captureWarnings)
        )
        expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600)
        expect(Buffer.from(fs.readFileSync(keyFile, "utf8").trim(), "base64")).toHaveLength(32)
        expect(warnings.join("\n")).toMatch(/generated a token encryption key into .*token-encryption\.key/)
        expect(warnings.join("\n")).toContain("Production requires TOKEN_ENCRYPTION_KEY")
        const firstKey = fs.readFileSync(keyFile, "utf8")

        const found = yield* linksOf(yield* openStorage(databaseUrl)).find(link.teamId, link.userId)
        expect(Redacted.value(Option.getOrThrow(found).apiToken)).toBe(Redacted.value(link.apiToken))
        expect(fs.readFileSync(keyFile, "utf8")).toBe(firstKey)
      })
  )

  it.scopedLive("in production without TOKEN_ENCRYPTION_KEY storage refuses to start and generates nothing", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* sqlite.freshDatabase
      const exit = yield* Effect.exit(openStorage(databaseUrl, { production: true }))
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      expect(error).toMatchObject({ _tag: "StorageError", reason: "key" })
      expect(error?.message).toContain("TOKEN_ENCRYPTION_KEY is required when NODE_ENV=production")
      expect(fs.existsSync(path.join(path.dirname(databaseUrl), generatedKeyFileName))).toBe(false)
    })
  )

  it.scopedLive("a malformed TOKEN_ENCRYPTION_KEY entry is refused without echoing it", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* sqlite.freshDatabase
      const badEntry = Buffer.alloc(16, 7).toString("base64")
      const exit = yield* Effect.exit(openStorage(databaseUrl, { keys: `${newKey()},${badEntry}` }))
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      expect(error).toMatchObject({ _tag: "StorageError", reason: "key" })
      expect(error?.message).toContain("TOKEN_ENCRYPTION_KEY entry 2 of 2 must be 32 random bytes in base64")
      expect(JSON.stringify(error) + error?.message).not.toContain(badEntry)
    })
  )
})
