import { expect, it } from "@effect/vitest"
import { Context, Effect, Option } from "effect"
import { DeliveryLedger } from "../../src/storage/DeliveryLedger.js"
import { freshStorage, newKey, openStorage, type StorageBackend } from "./storageFixtures.js"

const subscription = { teamId: "T-ONE", channelId: "C-OPS", app: "acme-web" }

/** What subscriptions already posted, proven the same way on every dialect. */
export const deliveryLedgerSuite = (backend: StorageBackend) => {
  const ledgerOf = (storage: Context.Context<DeliveryLedger>) => Context.get(storage, DeliveryLedger)

  it.scopedLive("seen returns the recorded state and message ts of each item asked for, and nothing else", () =>
    Effect.gen(function* () {
      const ledger = ledgerOf(yield* freshStorage(backend))
      expect((yield* ledger.seen(subscription, [])).size).toBe(0)
      yield* ledger.record(subscription, "deployment:d1", "building", "1712.0001")
      yield* ledger.record(subscription, "event:e1", "posted", null)
      yield* ledger.record(subscription, "deployment:d1", "success", "1712.0001")
      const seen = yield* ledger.seen(subscription, ["deployment:d1", "event:e1", "event:e2", "event:e1"])
      expect([...seen.keys()].sort()).toEqual(["deployment:d1", "event:e1"])
      expect(seen.get("deployment:d1")).toMatchObject({ state: "success", ts: "1712.0001" })
      expect(seen.get("event:e1")).toMatchObject({ state: "posted", ts: null })
      expect(seen.get("event:e1")?.updatedAt).toBeInstanceOf(Date)
    })
  )

  it.scopedLive("what was recorded survives a restart: a second instance on the database sees it", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const key = newKey()
      yield* Effect.scoped(
        Effect.flatMap(openStorage(databaseUrl, { keys: key }), (storage) =>
          ledgerOf(storage).record(subscription, "event:e9", "posted", "1712.0009")
        )
      )
      const ledger = ledgerOf(yield* openStorage(databaseUrl, { keys: key }))
      expect((yield* ledger.seen(subscription, ["event:e9"])).get("event:e9")?.ts).toBe("1712.0009")
    })
  )

  it.scopedLive("a large read is answered whole (more keys than one statement takes)", () =>
    Effect.gen(function* () {
      const ledger = ledgerOf(yield* freshStorage(backend))
      const keys = Array.from({ length: 1_200 }, (_, i) => `event:${i}`)
      const recorded = keys.filter((_, i) => i % 3 === 0)
      yield* Effect.forEach(recorded, (key) => ledger.record(subscription, key, "posted", null), { concurrency: 4 })
      const seen = yield* ledger.seen(subscription, keys)
      expect([...seen.keys()].sort()).toEqual([...recorded].sort())
    })
  )

  it.scopedLive("the baseline is set at subscribe, replaced on subscribing again, and forgotten with the ledger", () =>
    Effect.gen(function* () {
      const ledger = ledgerOf(yield* freshStorage(backend))
      expect(yield* ledger.baseline(subscription)).toEqual(Option.none())
      const since = new Date("2026-03-01T10:00:00.000Z")
      yield* ledger.setBaseline(subscription, { newestEventId: "e100", since })
      expect(yield* ledger.baseline(subscription)).toEqual(Option.some({ newestEventId: "e100", since }))
      const later = new Date("2026-03-02T10:00:00.000Z")
      yield* ledger.setBaseline(subscription, { newestEventId: null, since: later })
      expect(yield* ledger.baseline(subscription)).toEqual(Option.some({ newestEventId: null, since: later }))
      yield* ledger.record(subscription, "event:e101", "posted", "1712.1")
      yield* ledger.forget(subscription)
      expect(yield* ledger.baseline(subscription)).toEqual(Option.none())
      expect((yield* ledger.seen(subscription, ["event:e101"])).size).toBe(0)
    })
  )

  it.scopedLive("prune deletes entries older than the cutoff, in every team, and keeps baselines", () =>
    Effect.gen(function* () {
      const ledger = ledgerOf(yield* freshStorage(backend))
      const other = { ...subscription, teamId: "T-TWO" }
      const old = new Date(Date.now() - 40 * 86_400_000)
      yield* ledger.record(subscription, "event:old", "posted", null, old)
      yield* ledger.record(other, "event:old", "posted", null, old)
      yield* ledger.record(subscription, "event:new", "posted", null)
      yield* ledger.setBaseline(subscription, { newestEventId: "e1", since: old })
      expect(yield* ledger.prune(new Date(Date.now() - 30 * 86_400_000))).toBe(2)
      expect([...(yield* ledger.seen(subscription, ["event:old", "event:new"])).keys()]).toEqual(["event:new"])
      expect(Option.isSome(yield* ledger.baseline(subscription))).toBe(true)
    })
  )

  it.scopedLive("another team's subscription on the same channel and app id shares nothing", () =>
    Effect.gen(function* () {
      const ledger = ledgerOf(yield* freshStorage(backend))
      const other = { ...subscription, teamId: "T-TWO" }
      yield* ledger.record(subscription, "event:e1", "posted", "1712.1")
      yield* ledger.setBaseline(subscription, { newestEventId: "e1", since: new Date() })
      expect((yield* ledger.seen(other, ["event:e1"])).size).toBe(0)
      expect(yield* ledger.baseline(other)).toEqual(Option.none())
      yield* ledger.record(other, "event:e1", "posted", "1799.9")
      yield* ledger.forget(other)
      expect((yield* ledger.seen(subscription, ["event:e1"])).get("event:e1")?.ts).toBe("1712.1")
      expect(Option.isSome(yield* ledger.baseline(subscription))).toBe(true)
    })
  )
}
