import { createHash } from "node:crypto"
import { Redacted, Schema } from "effect"

export const Follow = Schema.Literal("deploys", "crashes", "all")
export type Follow = typeof Follow.Type

/** A channel's subscription to an app is one per team, channel and app name. */
export interface SubscriptionKey {
  readonly teamId: string
  readonly channelId: string
  readonly app: string
}

export interface Subscription extends SubscriptionKey {
  readonly region: string
  /** A small set: sorted, without repeats. */
  readonly follows: ReadonlyArray<Follow>
  /** Whose Scalingo account reads the app for this subscription. */
  readonly subscriberUserId: string
  readonly createdAt: Date
  /** Both null while active. */
  readonly pausedReason: string | null
  readonly pausedAt: Date | null
  /** SHA-256 (hex) of the secret in the webhook URL (see webhookSecretHashOf); never the secret. */
  readonly webhookSecretHash: string | null
  /** Scalingo's id of the webhook notifier, to delete it on unsubscribe. */
  readonly notifierId: string | null
}

export type NewSubscription = Omit<Subscription, "createdAt" | "pausedReason" | "pausedAt">

/** The stored form of a webhook URL's secret; the secret itself is never stored. */
export const webhookSecretHashOf = (secret: Redacted.Redacted<string>): string =>
  createHash("sha256").update(Redacted.value(secret)).digest("hex")

export const isSecretHash = (text: string): boolean => /^[0-9a-f]{64}$/.test(text)

/** `follows` as one text column: the set's members sorted and comma-separated. */
const FollowsText = Schema.transform(Schema.String, Schema.Array(Follow), {
  // Not strict: the split parts are checked against Follow by the target schema.
  strict: false,
  decode: (text) => text.split(",").filter((part) => part.length > 0),
  encode: (follows) => [...new Set(follows)].sort().join(",")
})

export const followsText = Schema.encodeSync(FollowsText)

export const SubscriptionRow = Schema.Struct({
  team_id: Schema.String,
  channel_id: Schema.String,
  app: Schema.String,
  region: Schema.String,
  follows: FollowsText,
  subscriber_user_id: Schema.String,
  created_at: Schema.Date,
  paused_reason: Schema.NullOr(Schema.String),
  paused_at: Schema.NullOr(Schema.Date),
  webhook_secret_hash: Schema.NullOr(Schema.String),
  notifier_id: Schema.NullOr(Schema.String)
})

export const KeyRequest = Schema.Struct({ teamId: Schema.String, channelId: Schema.String, app: Schema.String })

export const subscriptionOf = (row: typeof SubscriptionRow.Type): Subscription => ({
  teamId: row.team_id,
  channelId: row.channel_id,
  app: row.app,
  region: row.region,
  follows: [...new Set(row.follows)].sort(),
  subscriberUserId: row.subscriber_user_id,
  createdAt: row.created_at,
  pausedReason: row.paused_reason,
  pausedAt: row.paused_at,
  webhookSecretHash: row.webhook_secret_hash,
  notifierId: row.notifier_id
})
