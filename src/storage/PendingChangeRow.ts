import { Schema } from "effect"

/**
 * `confirmed` is claimed but not known to be sent (it is being sent, or the bot stopped before it
 * knew); `sent` once the send was tried and its answer recorded.
 */
export type ChangeStatus = "pending" | "confirmed" | "sent" | "cancelled" | "expired"

/** A change (restart, scale…) asked for in Slack and waiting for its asker to confirm it. */
export interface PendingChange {
  /** Random, url-safe, 128 bits: it travels in a button's value, so it must not be guessable. */
  readonly id: string
  readonly teamId: string
  /** Who asked, and so the only person who may confirm or cancel. */
  readonly userId: string
  readonly channelId: string
  /** `restart`, `scale`, or another action's name. */
  readonly action: string
  readonly app: string
  readonly region: string
  /** Small JSON (at most 2,000 characters once encoded) that never holds a secret. */
  readonly details: unknown
  readonly createdAt: Date
  readonly expiresAt: Date
  /** `expired` as soon as the expiry passes while still pending, even before anything marks the row. */
  readonly status: ChangeStatus
  readonly decidedAt: Date | null
  /** Where the private question can be edited (a response_url), when the asking interaction had one. */
  readonly questionUrl: string | null
}

export type NewPendingChange = Pick<
  PendingChange,
  "teamId" | "userId" | "channelId" | "action" | "app" | "region" | "details"
> & { readonly questionUrl?: string | undefined }

/**
 * What a click on confirm or cancel achieved. Exactly one click wins `Decided`; every other one learns
 * why not. `NotYours` is checked first, so someone else never learns more than that.
 */
export type Decision =
  | { readonly _tag: "Decided"; readonly change: PendingChange }
  | { readonly _tag: "NotYours" }
  | { readonly _tag: "AlreadyDecided"; readonly change: PendingChange }
  | { readonly _tag: "Expired"; readonly change: PendingChange }
  | { readonly _tag: "Unknown" }

/** A row of `pending_changes` as both dialects return it. */
export const PendingChangeRow = Schema.Struct({
  team_id: Schema.String,
  id: Schema.String,
  user_id: Schema.String,
  channel_id: Schema.String,
  action: Schema.String,
  app: Schema.String,
  region: Schema.String,
  details: Schema.parseJson(),
  created_at: Schema.Date,
  expires_at: Schema.Date,
  status: Schema.Literal("pending", "confirmed", "sent", "cancelled", "expired"),
  decided_at: Schema.NullOr(Schema.Date),
  question_url: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null })
})

export const ChangeRef = Schema.Struct({ teamId: Schema.String, id: Schema.String })

/** The change a row holds, as of `nowMillis`. */
export const changeOf = (row: typeof PendingChangeRow.Type, nowMillis: number): PendingChange => ({
  id: row.id,
  teamId: row.team_id,
  userId: row.user_id,
  channelId: row.channel_id,
  action: row.action,
  app: row.app,
  region: row.region,
  details: row.details,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  status: row.status === "pending" && row.expires_at.getTime() <= nowMillis ? "expired" : row.status,
  decidedAt: row.decided_at,
  questionUrl: row.question_url
})
