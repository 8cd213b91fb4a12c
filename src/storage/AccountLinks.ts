import { SqlClient, SqlSchema } from "@effect/sql"
import { Clock, Context, Effect, Layer, Option, ParseResult, type Redacted, Schema } from "effect"
import { AccountLinkRow, LinkOwner, SealedRow, sealingContextOf } from "./AccountLinkRow.js"
import { describeCause, StorageError } from "./StorageError.js"
import { TokenSealer } from "./TokenSealer.js"

/** One Slack person's link to a Scalingo account. */
export interface AccountLink {
  readonly teamId: string
  readonly userId: string
  readonly apiToken: Redacted.Redacted<string>
  readonly scalingoUserId: string
  readonly username: string
  readonly email: string
  readonly linkedAt: Date
  readonly lastUsedAt: Date | null
  /** When Scalingo last refused the token; a link is usable again once saved anew. */
  readonly rejectedAt: Date | null
}

export type NewAccountLink = Pick<
  AccountLink,
  "teamId" | "userId" | "apiToken" | "scalingoUserId" | "username" | "email"
>

export interface ResealReport {
  readonly resealed: number
  /** Rows whose key is no longer configured (or whose value is damaged): their owners must link again. */
  readonly unreadable: number
}

export interface AccountLinksService {
  readonly find: (teamId: string, userId: string) => Effect.Effect<Option.Option<AccountLink>, StorageError>
  /** Creates or replaces the link in one statement; clears `rejectedAt` and `lastUsedAt`, sets `linkedAt` to now. */
  readonly save: (link: NewAccountLink) => Effect.Effect<AccountLink, StorageError>
  /** True when a link was removed. */
  readonly remove: (teamId: string, userId: string) => Effect.Effect<boolean, StorageError>
  readonly markRejected: (teamId: string, userId: string) => Effect.Effect<void, StorageError>
  readonly touch: (teamId: string, userId: string) => Effect.Effect<void, StorageError>
  /** Re-seals every row sealed by an older key with the current one. Cheap when there is none. */
  readonly resealAll: () => Effect.Effect<ResealReport, StorageError>
}

export class AccountLinks extends Context.Tag("bot/storage/AccountLinks")<AccountLinks, AccountLinksService>() {
  static readonly layer: Layer.Layer<AccountLinks, never, SqlClient.SqlClient | TokenSealer> = Layer.effect(
    AccountLinks,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const sealer = yield* TokenSealer
      return makeAccountLinks(sql, sealer)
    })
  )
}

/** Row values can include sealed tokens, so a shape mismatch is reported without them. */
const failed = (operation: string) => (cause: unknown) =>
  new StorageError({
    reason: "query",
    detail: ParseResult.isParseError(cause)
      ? `${operation}: a stored account link has an unexpected shape`
      : `${operation}: ${describeCause(cause)}`
  })

const nowIso = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis).toISOString())

const makeAccountLinks = (sql: SqlClient.SqlClient, sealer: Context.Tag.Service<TokenSealer>): AccountLinksService => {
  const findRow = SqlSchema.findOne({
    Request: LinkOwner,
    Result: AccountLinkRow,
    execute: ({ teamId, userId }) => sql`SELECT * FROM account_links WHERE team_id = ${teamId} AND user_id = ${userId}`
  })
  const findStale = SqlSchema.findAll({
    Request: Schema.String,
    Result: SealedRow,
    execute: (currentKeyId) =>
      sql`SELECT team_id, user_id, sealed_token, key_id FROM account_links WHERE key_id <> ${currentKeyId}`
  })

  const open = (row: typeof SealedRow.Type) =>
    sealer.open({ keyId: row.key_id, sealed: row.sealed_token }, sealingContextOf(row.team_id, row.user_id))

  const find = Effect.fn("AccountLinks.find")(function* (teamId: string, userId: string) {
    const found = yield* findRow({ teamId, userId }).pipe(Effect.mapError(failed("Reading an account link")))
    if (Option.isNone(found)) return Option.none<AccountLink>()
    const row = found.value
    return Option.some<AccountLink>({
      teamId,
      userId,
      apiToken: yield* open(row),
      scalingoUserId: row.scalingo_user_id,
      username: row.username,
      email: row.email,
      linkedAt: row.linked_at,
      lastUsedAt: row.last_used_at,
      rejectedAt: row.rejected_at
    })
  })

  const save = Effect.fn("AccountLinks.save")(function* (link: NewAccountLink) {
    const linkedAt = yield* nowIso
    const { keyId, sealed } = yield* sealer.seal(link.apiToken, sealingContextOf(link.teamId, link.userId))
    const row = {
      team_id: link.teamId,
      user_id: link.userId,
      sealed_token: sealed,
      key_id: keyId,
      scalingo_user_id: link.scalingoUserId,
      username: link.username,
      email: link.email,
      linked_at: linkedAt,
      last_used_at: null,
      rejected_at: null
    }
    // One statement, so a crash mid-write leaves either the old row or the new one.
    yield* sql`INSERT INTO account_links ${sql.insert(row)}
      ON CONFLICT (team_id, user_id) DO UPDATE SET
        sealed_token = excluded.sealed_token, key_id = excluded.key_id, scalingo_user_id = excluded.scalingo_user_id,
        username = excluded.username, email = excluded.email, linked_at = excluded.linked_at,
        last_used_at = NULL, rejected_at = NULL`.pipe(Effect.mapError(failed("Saving an account link")))
    return { ...link, linkedAt: new Date(linkedAt), lastUsedAt: null, rejectedAt: null } satisfies AccountLink
  })

  const remove = Effect.fn("AccountLinks.remove")(function* (teamId: string, userId: string) {
    const removed =
      yield* sql`DELETE FROM account_links WHERE team_id = ${teamId} AND user_id = ${userId} RETURNING team_id`.pipe(
        Effect.mapError(failed("Removing an account link"))
      )
    return removed.length > 0
  })

  const setTimestamp =
    (column: "rejected_at" | "last_used_at", operation: string) => (teamId: string, userId: string) =>
      Effect.flatMap(
        nowIso,
        (now) => sql`UPDATE account_links SET ${sql(column)} = ${now} WHERE team_id = ${teamId} AND user_id = ${userId}`
      ).pipe(Effect.asVoid, Effect.mapError(failed(operation)))

  const resealAll = Effect.fn("AccountLinks.resealAll")(function* () {
    const stale = yield* findStale(sealer.currentKeyId).pipe(Effect.mapError(failed("Listing tokens to re-seal")))
    let resealed = 0
    let unreadable = 0
    for (const row of stale) {
      const token = yield* Effect.option(open(row))
      if (Option.isNone(token)) {
        unreadable++
        continue
      }
      const fresh = yield* sealer.seal(token.value, sealingContextOf(row.team_id, row.user_id))
      // Only if the row still holds what was read: a concurrent save (already on the new key) wins.
      yield* sql`UPDATE account_links SET sealed_token = ${fresh.sealed}, key_id = ${fresh.keyId}
        WHERE team_id = ${row.team_id} AND user_id = ${row.user_id} AND key_id = ${row.key_id} AND sealed_token = ${row.sealed_token}`.pipe(
        Effect.mapError(failed("Re-sealing a token"))
      )
      resealed++
    }
    if (resealed > 0)
      yield* Effect.logInfo(`Re-sealed ${resealed} stored Scalingo token(s) with key ${sealer.currentKeyId}`)
    if (unreadable > 0) {
      yield* Effect.logWarning(
        `${unreadable} stored Scalingo token(s) cannot be opened with the configured TOKEN_ENCRYPTION_KEY keys; those people must run login again`
      )
    }
    return { resealed, unreadable } satisfies ResealReport
  })

  return {
    find,
    save,
    remove,
    resealAll,
    markRejected: Effect.fn("AccountLinks.markRejected")(
      setTimestamp("rejected_at", "Marking an account link rejected")
    ),
    touch: Effect.fn("AccountLinks.touch")(setTimestamp("last_used_at", "Recording an account link's use"))
  }
}
