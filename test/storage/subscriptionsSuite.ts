import { expect, it } from "@effect/vitest"
import { Context, Effect, Exit, Option, Redacted } from "effect"
import { type NewSubscription, Subscriptions, webhookSecretHashOf } from "../../src/storage/Subscriptions.js"
import { freshStorage, newOwner, rawSqlFor, type StorageBackend, openStorage, newKey } from "./storageFixtures.js"

const secretHash = (secret: string) => webhookSecretHashOf(Redacted.make(secret))

const newSubscription = (teamId = newOwner().teamId, overrides: Partial<NewSubscription> = {}): NewSubscription => ({
  teamId,
  channelId: "C-OPS",
  app: "acme-web",
  region: "osc-fr1",
  follows: ["deploys", "crashes"],
  subscriberUserId: "U-ADA",
  webhookSecretHash: null,
  notifierId: null,
  ...overrides
})

const keyOf = (s: NewSubscription) => ({ teamId: s.teamId, channelId: s.channelId, app: s.app })

/** Channel subscriptions, proven the same way on every dialect. */
export const subscriptionsSuite = (backend: StorageBackend) => {
  const subscriptionsOf = (storage: Context.Context<Subscriptions>) => Context.get(storage, Subscriptions)

  it.scopedLive("a subscription is stored with its follows as a set, found by channel, app and secret hash", () =>
    Effect.gen(function* () {
      const subscriptions = subscriptionsOf(yield* freshStorage(backend))
      const hash = secretHash("a-long-random-secret")
      const wanted = newSubscription(undefined, {
        follows: ["crashes", "deploys", "crashes"],
        webhookSecretHash: hash,
        notifierId: "no-123"
      })
      const before = Date.now()
      const stored = yield* subscriptions.upsert(wanted)
      expect(stored).toMatchObject({ ...wanted, follows: ["crashes", "deploys"], pausedReason: null, pausedAt: null })
      expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before)
      expect(Option.getOrThrow(yield* subscriptions.find(keyOf(wanted)))).toEqual(stored)
      expect(yield* subscriptions.forChannel(wanted.teamId, "C-OPS")).toEqual([stored])
      expect(yield* subscriptions.byApp(wanted.teamId, "osc-fr1", "acme-web")).toEqual([stored])
      expect(yield* subscriptions.byApp(wanted.teamId, "osc-secnum-fr1", "acme-web")).toEqual([])
      expect(yield* subscriptions.bySecretHash(hash)).toEqual([stored])
      expect(yield* subscriptions.bySecretHash(secretHash("another-secret"))).toEqual([])
      expect(hash).toMatch(/^[0-9a-f]{64}$/)
    })
  )

  it.scopedLive("a raw secret in the hash column is refused, and the stored rows never hold the secret", () =>
    Effect.gen(function* () {
      const databaseUrl = yield* backend.freshDatabase
      const subscriptions = subscriptionsOf(yield* openStorage(databaseUrl, { keys: newKey() }))
      const secret = "s3cret-in-the-webhook-url-0123456789"
      const exit = yield* Effect.exit(subscriptions.upsert(newSubscription(undefined, { webhookSecretHash: secret })))
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      expect(error).toMatchObject({ _tag: "StorageError", reason: "refused" })
      expect(error?.message).not.toContain(secret)
      const ok = newSubscription(undefined, { webhookSecretHash: secretHash(secret) })
      yield* subscriptions.upsert(ok)
      const sql = yield* rawSqlFor(databaseUrl)
      const rows = JSON.stringify(yield* sql`SELECT * FROM subscriptions`)
      expect(rows).toContain(secretHash(secret))
      expect(rows).not.toContain(secret)
    })
  )

  it.scopedLive("pause tells only its first caller; subscribing again resumes it and may change what it follows", () =>
    Effect.gen(function* () {
      const subscriptions = subscriptionsOf(yield* freshStorage(backend))
      const wanted = newSubscription()
      const first = yield* subscriptions.upsert(wanted)
      const paused = yield* Effect.all(
        [1, 2, 3].map(() => subscriptions.pause(keyOf(wanted), "the subscriber's link was revoked")),
        { concurrency: "unbounded" }
      )
      expect(paused.filter(Boolean)).toHaveLength(1)
      const found = Option.getOrThrow(yield* subscriptions.find(keyOf(wanted)))
      expect(found.pausedReason).toBe("the subscriber's link was revoked")
      expect(found.pausedAt).toBeInstanceOf(Date)
      expect(yield* subscriptions.active()).toEqual([])
      expect(yield* subscriptions.forChannel(wanted.teamId, "C-OPS")).toHaveLength(1)

      const again = yield* subscriptions.upsert({ ...wanted, follows: ["all"], subscriberUserId: "U-GRACE" })
      expect(again).toMatchObject({ follows: ["all"], subscriberUserId: "U-GRACE", pausedReason: null, pausedAt: null })
      expect(again.createdAt).toEqual(first.createdAt)
      expect(yield* subscriptions.active()).toEqual([again])

      expect(yield* subscriptions.pause(keyOf(wanted), "app deleted")).toBe(true)
      expect(yield* subscriptions.resume(keyOf(wanted))).toBe(true)
      expect(yield* subscriptions.resume(keyOf(wanted))).toBe(false)
    })
  )

  it.scopedLive("the notifier is set and cleared; remove returns what it removed", () =>
    Effect.gen(function* () {
      const subscriptions = subscriptionsOf(yield* freshStorage(backend))
      const wanted = newSubscription()
      yield* subscriptions.upsert(wanted)
      const hash = secretHash("doorbell")
      expect(yield* subscriptions.setNotifier(keyOf(wanted), { notifierId: "no-9", webhookSecretHash: hash })).toBe(
        true
      )
      expect(yield* subscriptions.bySecretHash(hash)).toMatchObject([{ notifierId: "no-9", app: "acme-web" }])
      expect(yield* subscriptions.setNotifier(keyOf(wanted), null)).toBe(true)
      expect(yield* subscriptions.bySecretHash(hash)).toEqual([])
      expect(yield* subscriptions.setNotifier({ ...keyOf(wanted), app: "other" }, null)).toBe(false)
      yield* subscriptions.setNotifier(keyOf(wanted), { notifierId: "no-10", webhookSecretHash: hash })
      const removed = yield* subscriptions.remove(keyOf(wanted))
      expect(Option.getOrThrow(removed)).toMatchObject({ notifierId: "no-10", webhookSecretHash: hash })
      expect(yield* subscriptions.remove(keyOf(wanted))).toEqual(Option.none())
      expect(yield* subscriptions.find(keyOf(wanted))).toEqual(Option.none())
    })
  )

  it.scopedLive("active lists every team's unpaused subscriptions; every other query stays in its team", () =>
    Effect.gen(function* () {
      const subscriptions = subscriptionsOf(yield* freshStorage(backend))
      const hash = secretHash("team-one-secret")
      const one = yield* subscriptions.upsert(newSubscription("T-ONE", { webhookSecretHash: hash }))
      const two = yield* subscriptions.upsert(newSubscription("T-TWO", { channelId: "C-OPS", app: "acme-web" }))
      const oneKey = { teamId: "T-ONE", channelId: "C-OPS", app: "acme-web" }
      expect(yield* subscriptions.active()).toEqual([one, two])
      expect(yield* subscriptions.forChannel("T-TWO", "C-OPS")).toEqual([two])
      expect(yield* subscriptions.forTeam("T-TWO")).toEqual([two])
      expect(yield* subscriptions.byApp("T-TWO", "osc-fr1", "acme-web")).toEqual([two])
      expect(yield* subscriptions.bySecretHash(hash)).toEqual([one])
      // Team two acting on the same channel and app id changes nothing of team one's.
      expect(yield* subscriptions.pause({ ...oneKey, teamId: "T-TWO" }, "gone")).toBe(true)
      expect(Option.getOrThrow(yield* subscriptions.find(oneKey)).pausedAt).toBeNull()
      yield* subscriptions.remove({ ...oneKey, teamId: "T-TWO" })
      expect(yield* subscriptions.forTeam("T-ONE")).toEqual([one])
      expect(yield* subscriptions.find({ ...oneKey, teamId: "T-THREE" })).toEqual(Option.none())
    })
  )
}
