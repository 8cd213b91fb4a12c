import { randomUUID } from "node:crypto"
import { Context, Duration, Effect, Fiber, FiberSet, Layer, Redacted, Ref, Schedule } from "effect"
import { ScalingoSettings } from "../scalingo/ScalingoSettings.js"
import { DeliveryLedger } from "../storage/DeliveryLedger.js"
import { Leases } from "../storage/Leases.js"
import type { StorageError } from "../storage/StorageError.js"
import { Subscriptions, webhookSecretHashOf } from "../storage/Subscriptions.js"
import { deliverGroup, type Group, groupsOf } from "./groups.js"
import { makePacer } from "./pacer.js"
import { LEDGER_KEEPS_MS } from "./posting.js"
import { WatchSettings } from "./WatchSettings.js"

/** How the watcher shares work between replicas and paces doorbells (shortened in tests). */
export class WatchTimings extends Context.Reference<WatchTimings>()("bot/watch/WatchTimings", {
  defaultValue: () => ({
    /** One replica polls; another takes over within this long after it dies (renewed every third of it). */
    pollerLease: Duration.seconds(15),
    /** A group's delivery lease (renewed per subscription): how long a replica killed mid-delivery holds that app. */
    groupLease: Duration.seconds(15),
    /** Doorbells for one subscription cause at most one read this often; calls meanwhile share the next one. */
    doorbellGap: Duration.seconds(2)
  })
}) {}

/** A webhook URL's secret: long, URL-safe; anything else is not one of ours. */
const SECRET = /^[A-Za-z0-9_-]{32,128}$/
export const POLLER_LEASE = "subscriptions-poller"

/**
 * Watching apps: the poll schedule (one replica at a time, under a lease), and the doorbell a
 * Scalingo webhook rings (any replica; the read is made through the API with the subscriber's account).
 */
export class Watcher extends Context.Tag("bot/watch/Watcher")<
  Watcher,
  {
    /**
     * A webhook call: true when the secret is a subscription's (a read follows), false for any other;
     * fails when storage cannot say, so the caller answers "try again" rather than "no such hook".
     */
    readonly ring: (secret: string) => Effect.Effect<boolean, StorageError>
    /** One poll cycle over every active subscription, whoever holds the poller lease. */
    readonly pollOnce: Effect.Effect<void>
  }
>() {}

const make = Effect.gen(function* () {
  const settings = yield* WatchSettings
  const scalingo = yield* ScalingoSettings
  const timings = yield* WatchTimings
  const subscriptions = yield* Subscriptions
  const leases = yield* Leases
  const ledger = yield* DeliveryLedger
  const context = yield* Effect.context<
    Effect.Effect.Context<ReturnType<typeof deliverGroup> | ReturnType<typeof groupsOf>> | Subscriptions
  >()
  const replica = randomUUID()
  const pacer = makePacer(scalingo.requestsPerMinute)
  const options = { replica, leaseTtl: timings.groupLease, pace: pacer.take }
  const fibers = yield* FiberSet.make()
  const leader = yield* Ref.make(false)

  const one = (waitWhenBusy: boolean) => (group: Group) =>
    deliverGroup(group, options).pipe(
      Effect.repeat({ while: (r) => waitWhenBusy && r === "busy", schedule: Schedule.spaced("500 millis"), times: 20 })
    )
  const byAccount = (groups: ReadonlyArray<Group>) => {
    const grouped = new Map<string, Array<Group>>()
    for (const g of groups) grouped.set(g.account.key, [...(grouped.get(g.account.key) ?? []), g])
    return grouped
  }
  const deliverAll = (groups: ReadonlyArray<Group>, waitWhenBusy: boolean) =>
    Effect.forEach(byAccount(groups).values(), (gs) => Effect.forEach(gs, one(waitWhenBusy), { discard: true }), {
      concurrency: 4,
      discard: true
    })

  // Each account's pass goes at its own pace: an account with 50 apps (a pass of minutes at half its budget)
  // never holds up one with a single app. A new pass starts only for accounts whose last one has ended.
  const polling = new Set<string>()
  const startPasses = Effect.gen(function* () {
    const groups = yield* groupsOf(yield* subscriptions.active())
    const started: Array<Fiber.RuntimeFiber<void>> = []
    for (const [key, gs] of byAccount(groups)) {
      if (polling.has(key)) continue
      polling.add(key)
      const pass = Effect.forEach(gs, one(false), { discard: true }).pipe(
        Effect.catchAllCause((cause) => Effect.logWarning("a poll of an account's subscriptions failed", cause)),
        Effect.ensuring(Effect.sync(() => polling.delete(key))),
        Effect.withSpan("Watcher.pass")
      )
      started.push(yield* FiberSet.run(fibers, pass))
    }
    return started
  }).pipe(Effect.provide(context))

  const pollOnce = startPasses.pipe(
    Effect.flatMap((started) => Fiber.joinAll(started)),
    Effect.catchAllCause((cause) => Effect.logWarning("a poll of subscriptions failed", cause))
  )

  const renew = leases.acquire(POLLER_LEASE, replica, timings.pollerLease).pipe(
    Effect.orElseSucceed(() => false),
    Effect.flatMap((held) => Ref.getAndSet(leader, held).pipe(Effect.map((was) => ({ was, held })))),
    Effect.tap(({ was, held }) =>
      was === held
        ? Effect.void
        : Effect.logInfo(held ? "this replica now polls subscriptions" : "another replica polls subscriptions now")
    )
  )
  yield* renew
  yield* Effect.addFinalizer(() => Effect.ignore(leases.release(POLLER_LEASE, replica)))
  yield* renew.pipe(
    Effect.repeat(Schedule.spaced(Duration.millis(Duration.toMillis(timings.pollerLease) / 3))),
    Effect.forkScoped
  )
  yield* Effect.gen(function* () {
    if (yield* Ref.get(leader)) yield* startPasses
  }).pipe(
    Effect.catchAllCause((cause) => Effect.logWarning("a poll of subscriptions failed", cause)),
    Effect.repeat(Schedule.spaced(Duration.seconds(settings.pollSeconds))),
    Effect.forkScoped
  )

  // What subscriptions saw long ago is forgotten (olderThan keeps anything that old from being posted again).
  yield* Effect.gen(function* () {
    if (!(yield* Ref.get(leader))) return
    const pruned = yield* ledger.prune(new Date(Date.now() - LEDGER_KEEPS_MS))
    if (pruned > 0)
      yield* Effect.logInfo("pruned what subscriptions saw long ago").pipe(Effect.annotateLogs({ pruned }))
  }).pipe(
    Effect.catchAllCause((cause) => Effect.logWarning("could not prune the delivery ledger", cause)),
    Effect.delay("1 minute"),
    Effect.repeat(Schedule.spaced("6 hours")),
    Effect.forkScoped
  )

  // Doorbells: per secret, one read in flight and at most one more queued; the rest share them.
  const ringing = new Map<string, { again: boolean }>()
  const lastRead = new Map<string, number>()
  const readFor = (hash: string) =>
    Effect.gen(function* () {
      const state = ringing.get(hash)!
      do {
        state.again = false
        const wait = (lastRead.get(hash) ?? 0) + Duration.toMillis(timings.doorbellGap) - Date.now()
        if (wait > 0) yield* Effect.sleep(Duration.millis(wait))
        if (lastRead.size > 10_000) lastRead.clear()
        lastRead.set(hash, Date.now())
        const found = yield* subscriptions
          .bySecretHash(hash)
          .pipe(
            Effect.tapError(() => Effect.logWarning("could not check a webhook call: storage failed; answered 503"))
          )
        yield* deliverAll(yield* groupsOf(found.filter((s) => s.pausedAt === null)), true)
      } while (state.again)
    }).pipe(
      Effect.catchAllCause((cause) => Effect.logWarning("a doorbell read failed", cause)),
      Effect.ensuring(Effect.sync(() => ringing.delete(hash))),
      Effect.provide(context)
    )

  const ring = (secret: string) =>
    Effect.gen(function* () {
      if (!SECRET.test(secret)) return false
      const hash = webhookSecretHashOf(Redacted.make(secret))
      const found = yield* subscriptions
        .bySecretHash(hash)
        .pipe(Effect.tapError(() => Effect.logWarning("could not check a webhook call: storage failed; answered 503")))
      if (found.length === 0) return false
      const state = ringing.get(hash)
      if (state !== undefined) {
        state.again = true
        return true
      }
      ringing.set(hash, { again: false })
      yield* FiberSet.run(fibers, readFor(hash))
      return true
    })

  return Watcher.of({ ring, pollOnce })
})

export const WatcherLive = Layer.scoped(Watcher, make)
