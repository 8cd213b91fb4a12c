import { expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import {
  linksOf,
  newApiToken,
  newKey,
  newLink,
  newOwner,
  openStorage,
  rawSqlFor,
  type StorageBackend
} from "./storageFixtures.js"

/** Defect 3, on every dialect: a rejection marks a link dead only while the link holds the token that failed. */
export const staleRejectionSuite = (backend: StorageBackend) => {
  const key = newKey()

  it.scopedLive("defect 3: a command failing with a revoked token does not kill the link saved since", () =>
    Effect.gen(function* () {
      const links = linksOf(yield* openStorage(yield* backend.freshDatabase, { keys: key }))
      const owner = newOwner()
      const revoked = newLink(owner)
      yield* links.save(revoked)
      // A command reads the link, then the person relinks with a good token before Scalingo refuses the old one.
      const readByCommand = Option.getOrThrow(yield* links.find(owner.teamId, owner.userId)).apiToken
      const relinked = newLink(owner)
      yield* links.save(relinked)
      expect(yield* links.markRejected(owner.teamId, owner.userId, readByCommand)).toBe(false)
      expect(Option.getOrThrow(yield* links.find(owner.teamId, owner.userId)).rejectedAt).toBeNull()
      // The token the link holds now still gets its link marked when it fails.
      expect(yield* links.markRejected(owner.teamId, owner.userId, relinked.apiToken)).toBe(true)
      expect(Option.getOrThrow(yield* links.find(owner.teamId, owner.userId)).rejectedAt).not.toBeNull()
    })
  )

  it.scopedLive("defect 3: the same token in two people's rows has unrelated fingerprints, neither the token", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const links = linksOf(yield* openStorage(databaseUrl, { keys: key }))
      const sql = yield* rawSqlFor(databaseUrl)
      const token = newApiToken()
      const mine = newLink(newOwner(), token)
      const theirs = newLink({ teamId: mine.teamId, userId: `${mine.userId}2` }, token)
      yield* links.save(mine)
      yield* links.save(theirs)
      const rows = yield* sql<{ token_fingerprint: string }>`SELECT token_fingerprint FROM account_links
        WHERE team_id = ${mine.teamId} ORDER BY user_id`
      expect(rows).toHaveLength(2)
      expect(rows[0]!.token_fingerprint).not.toBe(rows[1]!.token_fingerprint)
      for (const row of rows) expect(row.token_fingerprint).not.toContain(token.slice(6, 20))
      expect(yield* links.markRejected(theirs.teamId, theirs.userId, theirs.apiToken)).toBe(true)
      expect(Option.getOrThrow(yield* links.find(mine.teamId, mine.userId)).rejectedAt).toBeNull()
    })
  )

  it.scopedLive("defect 3: a link saved before fingerprints existed is still marked when its token fails", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const links = linksOf(yield* openStorage(databaseUrl, { keys: key }))
      const sql = yield* rawSqlFor(databaseUrl)
      const link = newLink()
      yield* links.save(link)
      yield* sql`UPDATE account_links SET token_fingerprint = NULL WHERE team_id = ${link.teamId}`
      expect(yield* links.markRejected(link.teamId, link.userId, link.apiToken)).toBe(true)
      expect(Option.getOrThrow(yield* links.find(link.teamId, link.userId)).rejectedAt).not.toBeNull()
    })
  )

  it.scopedLive("defect 3: a relink racing the rejection of the old token always survives it", () =>
    Effect.gen(function* () {
      const links = linksOf(yield* openStorage(yield* backend.freshDatabase, { keys: key }))
      for (let round = 0; round < 10; round++) {
        const owner = newOwner()
        const old = newLink(owner)
        yield* links.save(old)
        const fresh = newLink(owner)
        yield* Effect.all([links.save(fresh), links.markRejected(owner.teamId, owner.userId, old.apiToken)], {
          concurrency: "unbounded"
        })
        const found = Option.getOrThrow(yield* links.find(owner.teamId, owner.userId))
        expect(found.rejectedAt).toBeNull() // whichever ran first, the fresh link is alive
      }
    })
  )
}
