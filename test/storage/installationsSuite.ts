import { randomBytes } from "node:crypto"
import { expect, it } from "@effect/vitest"
import { Context, Effect, Option, Redacted } from "effect"
import { Installations, type NewInstallation } from "../../src/storage/Installations.js"
import { keyIdOf } from "../../src/storage/KeyRing.js"
import { freshStorage, newKey, openStorage, rawSqlFor, type Storage, type StorageBackend } from "./storageFixtures.js"

const installationsOf = (storage: Storage) => Context.get(storage, Installations)

const newInstallation = (teamId = `T${randomBytes(4).toString("hex").toUpperCase()}`): NewInstallation => ({
  teamId,
  enterpriseId: null,
  botToken: Redacted.make(`xoxb-${randomBytes(6).toString("hex")}-${randomBytes(12).toString("base64url")}`),
  botUserId: "U0BOT",
  botId: "B0BOT"
})

const tokenOf = (found: Option.Option<{ readonly botToken: Redacted.Redacted<string> }>) =>
  Redacted.value(Option.getOrThrow(found).botToken)

/** The installation store, proven the same way on every dialect. */
export const installationsSuite = (backend: StorageBackend) => {
  it.scopedLive("an installation is saved, found by its team, replaced in place and deleted", () =>
    Effect.gen(function* () {
      const installations = installationsOf(yield* freshStorage(backend))
      const [one, two] = [newInstallation("T-ONE"), newInstallation("T-TWO")]
      expect(yield* installations.find("T-ONE")).toEqual(Option.none())
      const before = Date.now()
      const saved = yield* installations.save(one)
      expect(saved.installedAt.getTime()).toBeGreaterThanOrEqual(before)
      yield* installations.save(two)
      const found = Option.getOrThrow(yield* installations.find("T-ONE"))
      expect(found).toMatchObject({ teamId: "T-ONE", enterpriseId: null, botUserId: "U0BOT", botId: "B0BOT" })
      expect(Redacted.value(found.botToken)).toBe(Redacted.value(one.botToken))

      // A new token for the same team replaces the row, and the cached answer is forgotten at once.
      const renewed = { ...newInstallation("T-ONE"), botUserId: "U0NEW" }
      yield* installations.save(renewed)
      expect(tokenOf(yield* installations.find("T-ONE"))).toBe(Redacted.value(renewed.botToken))
      expect(Option.getOrThrow(yield* installations.find("T-ONE")).botUserId).toBe("U0NEW")

      expect(yield* installations.delete("T-ONE")).toBe(true)
      expect(yield* installations.delete("T-ONE")).toBe(false)
      expect(yield* installations.find("T-ONE")).toEqual(Option.none())
      expect(tokenOf(yield* installations.find("T-TWO"))).toBe(Redacted.value(two.botToken))
    })
  )

  it.scopedLive("an enterprise's installation is not found for the same team id in another enterprise", () =>
    Effect.gen(function* () {
      const installations = installationsOf(yield* freshStorage(backend))
      yield* installations.save({ ...newInstallation("T-GRID"), enterpriseId: "E-ONE" })
      expect(Option.isSome(yield* installations.find("T-GRID"))).toBe(true)
      expect(Option.isSome(yield* installations.find("T-GRID", "E-ONE"))).toBe(true)
      expect(yield* installations.find("T-GRID", "E-OTHER")).toEqual(Option.none())
    })
  )

  it.scopedLive("the bot token is sealed at rest: neither the database nor its rows show it", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const installations = installationsOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      const installation = newInstallation()
      yield* installations.save(installation)
      const token = Redacted.value(installation.botToken)
      const sql = yield* rawSqlFor(databaseUrl)
      const rows = JSON.stringify(yield* sql`SELECT * FROM installations`)
      expect(rows).toContain(installation.teamId) // proves we are looking at the stored row
      const atRest = (yield* backend.contentsAtRest(databaseUrl)) + rows
      expect(atRest).not.toContain(token)
      expect(atRest).not.toContain(token.slice(5, 30))
    })
  )

  it.scopedLive("a bot token sealed with key A is re-sealed onto B at start and then opens with B alone", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const [keyA, keyB] = [newKey(), newKey()]
      const installation = newInstallation()
      yield* Effect.scoped(
        Effect.flatMap(openStorage(databaseUrl, { keys: keyA }), (s) => installationsOf(s).save(installation))
      )
      yield* Effect.scoped(openStorage(databaseUrl, { keys: `${keyB},${keyA}` }))
      const sql = yield* rawSqlFor(databaseUrl)
      const [row] = yield* sql<{ key_id: string }>`SELECT key_id FROM installations`
      expect(row?.key_id).toBe(keyIdOf(Buffer.from(keyB, "base64")))
      const installations = installationsOf(yield* openStorage(databaseUrl, { keys: keyB }))
      expect(tokenOf(yield* installations.find(installation.teamId))).toBe(Redacted.value(installation.botToken))
      expect(yield* installations.resealAll()).toMatchObject({ resealed: 0, remaining: 0 })
    })
  )
}
