import { fn } from "../tracing/fn.js"
import { type SqlClient, SqlSchema } from "@effect/sql"
import { type Context, Effect, Option, Schema } from "effect"
import { failed, SealedRow, sealingContextOf, tokenFingerprintOf } from "./AccountLinkRow.js"
import type { SealingKeys } from "./SealingKeys.js"
import type { TokenSealer } from "./TokenSealer.js"

/** What one pass of re-sealing `account_links` found and did. */
export interface ResealReport {
  /** The key stored tokens were brought onto (see SealingKeys). */
  readonly keyId: string
  /** Keys announced after it that this replica does not hold (see SealingChoice). */
  readonly missing: ReadonlyArray<string>
  /** Keys announced before it that this replica still holds (see SealingChoice). */
  readonly retired: ReadonlyArray<string>
  readonly resealed: number
  /** Rows whose key this replica does not hold (or whose value is damaged), by key id. */
  readonly unreadable: ReadonlyMap<string, number>
  /** Rows still sealed with another key once done: the unreadable ones, or ones saved meanwhile. */
  readonly remaining: number
}

/** PostgreSQL returns COUNT(*) as text, SQLite as a number. */
const Count = Schema.Struct({ n: Schema.Union(Schema.Number, Schema.NumberFromString) })

/** Part of the AccountLinks repository: brings every row this replica can open onto the sealing key. */
export const makeResealAll = (
  sql: SqlClient.SqlClient,
  sealer: Context.Tag.Service<TokenSealer>,
  sealingKeys: Context.Tag.Service<SealingKeys>
) => {
  const findStale = SqlSchema.findAll({
    Request: Schema.String,
    Result: SealedRow,
    execute: (keyId) => sql`SELECT team_id, user_id, sealed_token, key_id FROM account_links WHERE key_id <> ${keyId}`
  })
  const countOthers = SqlSchema.single({
    Request: Schema.String,
    Result: Count,
    execute: (keyId) => sql`SELECT COUNT(*) AS n FROM account_links WHERE key_id <> ${keyId}`
  })

  return fn("AccountLinks.resealAll")(function* () {
    const { keyId, missing, retired } = yield* sealingKeys.choose
    const stale = yield* findStale(keyId).pipe(Effect.mapError(failed("Listing tokens to re-seal")))
    let resealed = 0
    const unreadable = new Map<string, number>()
    for (const row of stale) {
      const context = sealingContextOf(row.team_id, row.user_id)
      const token = yield* Effect.option(sealer.open({ keyId: row.key_id, sealed: row.sealed_token }, context))
      if (Option.isNone(token)) {
        unreadable.set(row.key_id, (unreadable.get(row.key_id) ?? 0) + 1)
        continue
      }
      const fresh = yield* sealer.seal(token.value, context, keyId)
      const fingerprint = tokenFingerprintOf(row.team_id, row.user_id, token.value)
      // Only if the row still holds what was read: a concurrent save or re-seal wins.
      const updated = yield* sql`UPDATE account_links
        SET sealed_token = ${fresh.sealed}, key_id = ${fresh.keyId}, token_fingerprint = ${fingerprint}
        WHERE team_id = ${row.team_id} AND user_id = ${row.user_id}
          AND key_id = ${row.key_id} AND sealed_token = ${row.sealed_token}
        RETURNING team_id`.pipe(Effect.mapError(failed("Re-sealing a token")))
      resealed += updated.length
    }
    const { n } = yield* countOthers(keyId).pipe(Effect.mapError(failed("Counting tokens to re-seal")))
    return { keyId, missing, retired, resealed, unreadable, remaining: n } satisfies ResealReport
  })
}
