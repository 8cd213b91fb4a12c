import { fn } from "../tracing/fn.js"
import { SqlClient, SqlSchema } from "@effect/sql"
import { Context, Effect, Layer, Option, Schema } from "effect"
import { isoAt, millisAt } from "./StorageClock.js"
import { failedTo, StorageError } from "./StorageError.js"
import {
  followsText,
  isSecretHash,
  KeyRequest,
  type NewSubscription,
  type Subscription,
  type SubscriptionKey,
  SubscriptionRow,
  subscriptionOf
} from "./SubscriptionRow.js"

export {
  Follow,
  type NewSubscription,
  type Subscription,
  type SubscriptionKey,
  webhookSecretHashOf
} from "./SubscriptionRow.js"

export interface SubscriptionsService {
  readonly find: (key: SubscriptionKey) => Effect.Effect<Option.Option<Subscription>, StorageError>
  /**
   * Subscribes the channel, or updates its subscription to what is given (follows, subscriber, notifier)
   * and resumes it if paused. `createdAt` stays the first subscription's.
   */
  readonly upsert: (subscription: NewSubscription) => Effect.Effect<Subscription, StorageError>
  /** The removed subscription (so its notifier can be deleted), if there was one. */
  readonly remove: (key: SubscriptionKey) => Effect.Effect<Option.Option<Subscription>, StorageError>
  /** A channel's subscriptions, paused ones included, by app name. */
  readonly forChannel: (teamId: string, channelId: string) => Effect.Effect<ReadonlyArray<Subscription>, StorageError>
  /** A team's subscriptions in every channel, paused ones included (for the App Home). */
  readonly forTeam: (teamId: string) => Effect.Effect<ReadonlyArray<Subscription>, StorageError>
  /** Every team's subscriptions that are not paused: what the poller reads. */
  readonly active: () => Effect.Effect<ReadonlyArray<Subscription>, StorageError>
  /** Every channel of a team subscribed to an app, paused ones included. */
  readonly byApp: (
    teamId: string,
    region: string,
    app: string
  ) => Effect.Effect<ReadonlyArray<Subscription>, StorageError>
  /** The subscriptions a webhook URL's secret belongs to (any team: the secret alone identifies them). */
  readonly bySecretHash: (hash: string) => Effect.Effect<ReadonlyArray<Subscription>, StorageError>
  /** Sets or clears the webhook notifier; true when the subscription exists. */
  readonly setNotifier: (
    key: SubscriptionKey,
    notifier: { readonly notifierId: string; readonly webhookSecretHash: string } | null
  ) => Effect.Effect<boolean, StorageError>
  /** Pauses an active subscription; true only for the call that paused it, so the channel is told once. */
  readonly pause: (key: SubscriptionKey, reason: string, now?: Date) => Effect.Effect<boolean, StorageError>
  /** Resumes a paused subscription; true when it was paused. */
  readonly resume: (key: SubscriptionKey) => Effect.Effect<boolean, StorageError>
}

export class Subscriptions extends Context.Tag("bot/storage/Subscriptions")<Subscriptions, SubscriptionsService>() {
  static readonly layer: Layer.Layer<Subscriptions, never, SqlClient.SqlClient> = Layer.effect(
    Subscriptions,
    Effect.map(SqlClient.SqlClient, (sql) => makeSubscriptions(sql))
  )
}

const decodeAll = Schema.decodeUnknown(Schema.Array(SubscriptionRow))

/** A hash column must hold a hash: a raw secret passed by mistake is refused, not stored. */
const checkHash = (hash: string | null) =>
  hash === null || isSecretHash(hash)
    ? Effect.void
    : Effect.fail(new StorageError({ reason: "refused", detail: "a webhook secret hash must be SHA-256 in hex" }))

const makeSubscriptions = (sql: SqlClient.SqlClient): SubscriptionsService => {
  const where = (key: SubscriptionKey) =>
    sql`team_id = ${key.teamId} AND channel_id = ${key.channelId} AND app = ${key.app}`
  const subscriptionsOf = (statement: Effect.Effect<ReadonlyArray<unknown>, unknown>) =>
    Effect.map(Effect.flatMap(statement, decodeAll), (rows) => rows.map(subscriptionOf))
  const changed = (statement: Effect.Effect<ReadonlyArray<unknown>, unknown>) =>
    Effect.map(statement, (rows) => rows.length > 0)
  const findRow = SqlSchema.findOne({
    Request: KeyRequest,
    Result: SubscriptionRow,
    execute: (key) => sql`SELECT * FROM subscriptions WHERE ${where(key)}`
  })

  const find = fn("Subscriptions.find")(
    (key: SubscriptionKey) => Effect.map(findRow(key), Option.map(subscriptionOf)),
    Effect.mapError(failedTo("Reading a subscription"))
  )

  const upsert = fn("Subscriptions.upsert")(
    function* (subscription: NewSubscription) {
      yield* checkHash(subscription.webhookSecretHash)
      const row = {
        team_id: subscription.teamId,
        channel_id: subscription.channelId,
        app: subscription.app,
        region: subscription.region,
        follows: followsText(subscription.follows),
        subscriber_user_id: subscription.subscriberUserId,
        created_at: isoAt(yield* millisAt(undefined)),
        paused_reason: null,
        paused_at: null,
        webhook_secret_hash: subscription.webhookSecretHash,
        notifier_id: subscription.notifierId
      }
      const [stored] = yield* subscriptionsOf(sql`INSERT INTO subscriptions ${sql.insert(row)}
      ON CONFLICT (team_id, channel_id, app) DO UPDATE SET
        region = excluded.region, follows = excluded.follows, subscriber_user_id = excluded.subscriber_user_id,
        webhook_secret_hash = excluded.webhook_secret_hash, notifier_id = excluded.notifier_id,
        paused_reason = NULL, paused_at = NULL
      RETURNING *`)
      return stored!
    },
    Effect.mapError(failedTo("Saving a subscription"))
  )

  const remove = fn("Subscriptions.remove")(
    (key: SubscriptionKey) =>
      Effect.map(subscriptionsOf(sql`DELETE FROM subscriptions WHERE ${where(key)} RETURNING *`), (removed) =>
        Option.fromNullable(removed[0])
      ),
    Effect.mapError(failedTo("Removing a subscription"))
  )

  const forChannel = fn("Subscriptions.forChannel")(
    (teamId: string, channelId: string) =>
      subscriptionsOf(sql`SELECT * FROM subscriptions
        WHERE team_id = ${teamId} AND channel_id = ${channelId} ORDER BY app`),
    Effect.mapError(failedTo("Reading a channel's subscriptions"))
  )
  const forTeam = fn("Subscriptions.forTeam")(
    (teamId: string) =>
      subscriptionsOf(sql`SELECT * FROM subscriptions WHERE team_id = ${teamId} ORDER BY channel_id, app`),
    Effect.mapError(failedTo("Reading a team's subscriptions"))
  )
  const active = fn("Subscriptions.active")(
    () =>
      subscriptionsOf(sql`SELECT * FROM subscriptions
        WHERE paused_at IS NULL ORDER BY team_id, region, app, channel_id`),
    Effect.mapError(failedTo("Reading the active subscriptions"))
  )
  const byApp = fn("Subscriptions.byApp")(
    (teamId: string, region: string, app: string) =>
      subscriptionsOf(sql`SELECT * FROM subscriptions
        WHERE team_id = ${teamId} AND region = ${region} AND app = ${app} ORDER BY channel_id`),
    Effect.mapError(failedTo("Reading an app's subscriptions"))
  )
  const bySecretHash = fn("Subscriptions.bySecretHash")(
    (hash: string) =>
      subscriptionsOf(sql`SELECT * FROM subscriptions
        WHERE webhook_secret_hash = ${hash} ORDER BY team_id, channel_id`),
    Effect.mapError(failedTo("Finding a webhook's subscriptions"))
  )

  const setNotifier = fn("Subscriptions.setNotifier")(
    function* (
      key: SubscriptionKey,
      notifier: { readonly notifierId: string; readonly webhookSecretHash: string } | null
    ) {
      yield* checkHash(notifier?.webhookSecretHash ?? null)
      return yield* changed(sql`UPDATE subscriptions
      SET notifier_id = ${notifier?.notifierId ?? null}, webhook_secret_hash = ${notifier?.webhookSecretHash ?? null}
      WHERE ${where(key)} RETURNING app`)
    },
    Effect.mapError(failedTo("Recording a subscription's notifier"))
  )

  const pause = fn("Subscriptions.pause")(
    function* (key: SubscriptionKey, reason: string, now?: Date) {
      const at = isoAt(yield* millisAt(now))
      return yield* changed(sql`UPDATE subscriptions SET paused_reason = ${reason}, paused_at = ${at}
      WHERE ${where(key)} AND paused_at IS NULL RETURNING app`)
    },
    Effect.mapError(failedTo("Pausing a subscription"))
  )

  const resume = fn("Subscriptions.resume")(
    (key: SubscriptionKey) =>
      changed(sql`UPDATE subscriptions SET paused_reason = NULL, paused_at = NULL
        WHERE ${where(key)} AND paused_at IS NOT NULL RETURNING app`),
    Effect.mapError(failedTo("Resuming a subscription"))
  )

  return { find, upsert, remove, forChannel, forTeam, active, byApp, bySecretHash, setNotifier, pause, resume }
}
