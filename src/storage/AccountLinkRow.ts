import { createHash } from "node:crypto"
import { ParseResult, Redacted, Schema } from "effect"
import { describeCause, StorageError } from "./StorageError.js"

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
  rejected_at: Schema.NullOr(Schema.Date),
  token_fingerprint: Schema.NullOr(Schema.String)
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

/**
 * Names which token a row holds without revealing it: SHA-256 over the row's identity and the token.
 * Scalingo tokens are long random strings, so the digest cannot be turned back into one, and the
 * identity in it makes the same token give unrelated values in different rows.
 */
export const tokenFingerprintOf = (teamId: string, userId: string, token: Redacted.Redacted<string>): string =>
  createHash("sha256")
    .update(`${sealingContextOf(teamId, userId)}\n${Redacted.value(token)}`)
    .digest("hex")

/** Names the failed operation; row values hold sealed tokens, so a shape mismatch is reported without them. */
export const failed = (operation: string) => (cause: unknown) =>
  new StorageError({
    reason: "query",
    detail: ParseResult.isParseError(cause)
      ? `${operation}: a stored account link has an unexpected shape`
      : `${operation}: ${describeCause(cause)}`
  })
