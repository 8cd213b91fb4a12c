import { Schema } from "effect"

/** A row of `account_links` as both dialects return it: TEXT columns, ISO-8601 timestamps. */
export const AccountLinkRow = Schema.Struct({
  team_id: Schema.String,
  user_id: Schema.String,
  sealed_token: Schema.String,
  key_id: Schema.String,
  scalingo_user_id: Schema.String,
  username: Schema.String,
  email: Schema.String,
  linked_at: Schema.Date,
  last_used_at: Schema.NullOr(Schema.Date),
  rejected_at: Schema.NullOr(Schema.Date)
})
export type AccountLinkRow = typeof AccountLinkRow.Type

/** What identifies one person's link: a Slack user within a Slack workspace. */
export const LinkOwner = Schema.Struct({ teamId: Schema.String, userId: Schema.String })

/** The columns re-sealing needs. */
export const SealedRow = AccountLinkRow.pipe(Schema.pick("team_id", "user_id", "sealed_token", "key_id"))

/**
 * Authenticated alongside each sealed token, so a sealed value copied into another person's row
 * does not open there.
 */
export const sealingContextOf = (teamId: string, userId: string): string => `account-link:${teamId}:${userId}`
