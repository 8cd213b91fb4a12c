import { randomBytes } from "node:crypto"
import { expect, it } from "@effect/vitest"
import { Context, Effect, Option } from "effect"
import { Leases } from "../../src/storage/Leases.js"
import { freshStorage, type StorageBackend, twoReplicas } from "./storageFixtures.js"

const MINUTE = 60_000

/** Leases between replicas, proven the same way on every dialect. */
export const leasesSuite = (backend: StorageBackend) => {
  const leasesOf = (storage: Context.Context<Leases>) => Context.get(storage, Leases)
  const newName = () => `poll-${randomBytes(4).toString("hex")}`

  it.scopedLive(
    "a free lease is taken, renewed by its holder, refused to others until it expires, then taken over",
    () =>
      Effect.gen(function* () {
        const leases = leasesOf(yield* freshStorage(backend))
        const name = newName()
        const t0 = Date.now()
        const at = (ms: number) => new Date(t0 + ms)
        expect(yield* leases.acquire(name, "replica-a", "1 minute", at(0))).toBe(true)
        expect(yield* leases.acquire(name, "replica-b", "1 minute", at(30_000))).toBe(false)
        expect(yield* leases.acquire(name, "replica-a", "1 minute", at(50_000))).toBe(true) // renewed to 110 s
        expect(yield* leases.acquire(name, "replica-b", "1 minute", at(MINUTE + 1_000))).toBe(false)
        const renewed = Option.getOrThrow(yield* leases.current(name))
        expect(renewed).toMatchObject({ holder: "replica-a", acquiredAt: at(0), expiresAt: at(110_000) })
        expect(yield* leases.acquire(name, "replica-b", "1 minute", at(110_000))).toBe(true) // a died: taken over
        expect(yield* leases.acquire(name, "replica-a", "1 minute", at(111_000))).toBe(false)
        expect(Option.getOrThrow(yield* leases.current(name))).toMatchObject({
          holder: "replica-b",
          acquiredAt: at(110_000)
        })
      })
  )

  it.scopedLive("only the holder releases a lease, and a released lease is free at once", () =>
    Effect.gen(function* () {
      const leases = leasesOf(yield* freshStorage(backend))
      const name = newName()
      expect(yield* leases.acquire(name, "replica-a", "1 hour")).toBe(true)
      expect(yield* leases.release(name, "replica-b")).toBe(false)
      expect(yield* leases.acquire(name, "replica-b", "1 hour")).toBe(false)
      expect(yield* leases.release(name, "replica-a")).toBe(true)
      expect(yield* leases.current(name)).toEqual(Option.none())
      expect(yield* leases.acquire(name, "replica-b", "1 hour")).toBe(true)
      expect(yield* leases.current(newName())).toEqual(Option.none())
    })
  )

  it.scopedLive("two replicas racing for a lease, fresh or expired: exactly one holds it each time", () =>
    Effect.gen(function* () {
      const { first, second } = yield* twoReplicas(backend)
      const [a, b] = [leasesOf(first), leasesOf(second)]
      const holders = ["a1", "b1", "a2", "b2", "a3", "b3"]
      for (let round = 0; round < 8; round++) {
        const name = newName()
        const t0 = Date.now()
        const race = (at: number) =>
          Effect.all(
            holders.map((holder, i) =>
              Effect.map((i % 2 === 0 ? a : b).acquire(name, holder, "1 minute", new Date(at)), (won) =>
                won ? holder : null
              )
            ),
            { concurrency: "unbounded" }
          ).pipe(Effect.map((won) => won.filter((holder) => holder !== null)))
        const fresh = yield* race(t0)
        expect(fresh).toHaveLength(1)
        // All of them again once the lease has expired: the old holder or another, but only one.
        const takeover = yield* race(t0 + 2 * MINUTE)
        expect(takeover).toHaveLength(1)
        expect(Option.getOrThrow(yield* b.current(name)).holder).toBe(takeover[0])
      }
    })
  )
}
