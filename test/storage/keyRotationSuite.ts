import { expect, it } from "@effect/vitest"
import { Effect, Exit, Logger, Option, Redacted, Scope } from "effect"
import { keyIdOf } from "../../src/storage/KeyRing.js"
import { eventually } from "../support/bounded.js"
import {
  linksOf,
  newKey,
  newLink,
  openStorage,
  rawSqlFor,
  type StorageBackend,
  type StorageOptions
} from "./storageFixtures.js"

const idOf = (key: string) => keyIdOf(Buffer.from(key, "base64"))

/** Each instance stands for a replica; the ones that "restart" are closed, the others overlap. */
export const keyRotationSuite = (backend: StorageBackend) => {
  const keyIdsOf = (databaseUrl: string) =>
    Effect.flatMap(rawSqlFor(databaseUrl), (sql) =>
      Effect.map(sql<{ team_id: string; key_id: string }>`SELECT team_id, key_id FROM account_links`, (rows) =>
        Object.fromEntries(rows.map((row) => [row.team_id, row.key_id]))
      )
    )

  /** A replica that can be stopped before the test ends, and what it logged. */
  const replica = (databaseUrl: string, options: StorageOptions) =>
    Effect.gen(function* () {
      const scope = yield* Scope.make()
      const logs: Array<string> = []
      const capture = Logger.replace(
        Logger.defaultLogger,
        Logger.make(({ message }) => logs.push([message].flat().map(String).join(" ")))
      )
      const storage = yield* openStorage(databaseUrl, options).pipe(Scope.extend(scope), Effect.provide(capture))
      yield* Effect.addFinalizer(() => Scope.close(scope, Exit.void))
      return { links: linksOf(storage), logs, stop: Scope.close(scope, Exit.void) }
    })

  it.scopedLive("a token sealed with key A opens with keys B,A, and after the start-up re-seal with B alone", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const [keyA, keyB] = [newKey(), newKey()]
      const link = newLink()
      yield* (yield* replica(databaseUrl, { keys: keyA })).links.save(link)
      yield* (yield* replica(databaseUrl, { keys: `${keyB},${keyA}` })).links.find(link.teamId, link.userId)
      expect((yield* keyIdsOf(databaseUrl))[link.teamId]).toBe(idOf(keyB))
      const links = (yield* replica(databaseUrl, { keys: keyB })).links
      const found = Option.getOrThrow(yield* links.find(link.teamId, link.userId))
      expect(Redacted.value(found.apiToken)).toBe(Redacted.value(link.apiToken))
      expect(yield* links.resealAll()).toMatchObject({ resealed: 0, remaining: 0 })
    })
  )

  it.scopedLive("defect 8: rotating in three deploys over overlapping replicas never leaves a token unreadable", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const [oldKey, newKeyValue] = [newKey(), newKey()]
      const [first, second, third] = [newLink(), newLink(), newLink()]
      const opensAll = (links: ReturnType<typeof linksOf>, saved: ReadonlyArray<typeof first>) =>
        Effect.forEach(saved, (link) =>
          Effect.map(links.find(link.teamId, link.userId), (found) =>
            expect(Redacted.value(Option.getOrThrow(found).apiToken)).toBe(Redacted.value(link.apiToken))
          )
        )
      const a = yield* replica(databaseUrl, { keys: oldKey })
      yield* a.links.save(first)
      // Step 1, B first: it opens both keys and still seals with the old one, so A (old key only) reads it all.
      const b = yield* replica(databaseUrl, { keys: `${oldKey},${newKeyValue}` })
      yield* b.links.save(second)
      yield* opensAll(a.links, [first, second])
      yield* a.stop
      const a1 = yield* replica(databaseUrl, { keys: `${oldKey},${newKeyValue}` })
      // Step 2, B first: it re-seals everything with the new key, which A (still on step 1) opens...
      yield* b.stop
      yield* replica(databaseUrl, { keys: `${newKeyValue},${oldKey}` })
      expect(yield* keyIdsOf(databaseUrl)).toEqual({
        [first.teamId]: idOf(newKeyValue),
        [second.teamId]: idOf(newKeyValue)
      })
      yield* opensAll(a1.links, [first, second])
      // ...and A seals new links with it too, and never moves tokens back to the old key.
      yield* a1.links.save(third)
      expect(yield* a1.links.resealAll()).toMatchObject({ keyId: idOf(newKeyValue), resealed: 0, remaining: 0 })
      expect(Object.values(yield* keyIdsOf(databaseUrl))).toEqual([1, 2, 3].map(() => idOf(newKeyValue)))
      // Step 3: the new key alone opens every token, and a re-sealed token still gets its link marked dead.
      const c = yield* replica(databaseUrl, { keys: newKeyValue })
      yield* opensAll(c.links, [first, second, third])
      expect(yield* c.links.markRejected(first.teamId, first.userId, first.apiToken)).toBe(true)
    })
  )

  it.scopedLive("defect 8: a token saved with the old key during a rotation is re-sealed by the next pass", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const [oldKey, newKeyValue] = [newKey(), newKey()]
      yield* replica(databaseUrl, { keys: oldKey })
      const rotated = yield* replica(databaseUrl, { keys: `${newKeyValue},${oldKey}`, resealEvery: "200 millis" })
      // A replica that never got the new key (or lost a race with the first pass) saves with the old one.
      const lagging = yield* replica(databaseUrl, { keys: oldKey })
      const link = newLink()
      yield* lagging.links.save(link)
      expect((yield* keyIdsOf(databaseUrl))[link.teamId]).toBe(idOf(oldKey))
      const moved = yield* Effect.promise(() =>
        eventually(
          () =>
            Effect.runPromise(
              Effect.scoped(Effect.map(keyIdsOf(databaseUrl), (ids) => ids[link.teamId] === idOf(newKeyValue)))
            ),
          5_000,
          50
        )
      )
      expect(moved).toBe(true)
      expect(rotated.logs.join("\n")).toContain(`Re-sealed 1 stored Scalingo token(s) with key ${idOf(newKeyValue)}`)
      // The lagging replica says what is wrong with its settings.
      yield* lagging.stop
      const again = yield* replica(databaseUrl, { keys: oldKey })
      expect(again.logs.join("\n")).toContain(
        `Key(s) ${idOf(newKeyValue)} seal stored Scalingo tokens but are not in this replica's TOKEN_ENCRYPTION_KEY`
      )
    })
  )

  it.scopedLive("defect 8: a replica says when every stored token is on the new key and the old one can go", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const [oldKey, newKeyValue] = [newKey(), newKey()]
      yield* (yield* replica(databaseUrl, { keys: oldKey })).links.save(newLink())
      const stepOne = yield* replica(databaseUrl, { keys: `${oldKey},${newKeyValue}` })
      expect(stepOne.logs.join("\n")).not.toContain("can now be removed")
      const stepTwo = yield* replica(databaseUrl, { keys: `${newKeyValue},${oldKey}` })
      expect(stepTwo.logs.join("\n")).toContain(
        `Every stored Scalingo token is sealed with key ${idOf(newKeyValue)}: key(s) ${idOf(oldKey)} can now be ` +
          "removed from TOKEN_ENCRYPTION_KEY."
      )
    })
  )

  it.scopedLive("defect 8: a replica lacking the announced key blames its settings, not the person's link", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const [oldKey, newKeyValue] = [newKey(), newKey()]
      const lagging = yield* replica(databaseUrl, { keys: oldKey })
      const [rotatedLink, lostLink] = [newLink(), newLink()]
      yield* (yield* replica(databaseUrl, { keys: `${newKeyValue},${oldKey}` })).links.save(rotatedLink)
      const lacking = yield* Effect.flip(lagging.links.find(rotatedLink.teamId, rotatedLink.userId))
      expect(lacking).toMatchObject({ _tag: "StorageError", reason: "key" })
      expect(lacking.message).toContain(`sealed with key ${idOf(newKeyValue)}, which other replicas seal with`)
      // A key dropped too early (older than the sealing key) is truly gone here: that owner must link again.
      yield* lagging.links.save(lostLink)
      const droppedTooEarly = yield* replica(databaseUrl, { keys: newKeyValue })
      const lost = yield* Effect.flip(droppedTooEarly.links.find(lostLink.teamId, lostLink.userId))
      expect(lost).toMatchObject({ _tag: "StorageError", reason: "unsealable" })
    })
  )
}
