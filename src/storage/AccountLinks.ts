import { fn } from "../tracing/fn.js"
import { SqlClient, SqlSchema } from "@effect/sql"
import { Clock, Context, Effect, Layer, Option, type Redacted } from "effect"
import {
  AccountLinkRow,
  failed,
  LinkOwner,
  type SealedRow,
  sealingContextOf,
  tokenFingerprintOf
} from "./AccountLinkRow.js"
import { makeResealAll, type ResealReport } from "./AccountLinkResealing.js"
import { SealingKeys } from "./SealingKeys.js"
import { StorageError } from "./StorageError.js"
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

export type { ResealReport }

export type NewAccountLink = Pick<
  AccountLink,
  "teamId" | "userId" | "apiToken" | "scalingoUserId" | "username" | "email"
>

export interface AccountLinksService {
  readonly find: (teamId: string, userId: string) => Effect.Effect<Option.Option<AccountLink>, StorageError>
  /** Creates or replaces the link in one statement; clears `rejectedAt` and `lastUsedAt`, sets `linkedAt` to now. */
  readonly save: (link: NewAccountLink) => Effect.Effect<AccountLink, StorageError>
  /** True when a link was removed. */
  readonly remove: (teamId: string, userId: string) => Effect.Effect<boolean, StorageError>
  /**
   * Marks the link dead, only if it still holds `rejectedToken`: a command that started before the
   * person linked again must not kill the new link. True when it was marked.
   */
  readonly markRejected: (
    teamId: string,
    userId: string,
    rejectedToken: Redacted.Redacted<string>
  ) => Effect.Effect<boolean, StorageError>
  readonly touch: (teamId: string, userId: string) => Effect.Effect<void, StorageError>
  /** Re-seals every row this replica can open onto the sealing key. Cheap when there is none. */
  readonly resealAll: () => Effect.Effect<ResealReport, StorageError>
}

export class AccountLinks extends Context.Tag("bot/storage/AccountLinks")<AccountLinks, AccountLinksService>() {
  static readonly layer: Layer.Layer<AccountLinks, never, SqlClient.SqlClient | TokenSealer | SealingKeys> =
    Layer.effect(
      AccountLinks,
      Effect.gen(function* () {
        return makeAccountLinks(yield* SqlClient.SqlClient, yield* TokenSealer, yield* SealingKeys)
      })
    )
}

const nowIso = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis).toISOString())

const makeAccountLinks = (
  sql: SqlClient.SqlClient,
  sealer: Context.Tag.Service<TokenSealer>,
  sealingKeys: Context.Tag.Service<SealingKeys>
): AccountLinksService => {
  const findRow = SqlSchema.findOne({
    Request: LinkOwner,
    Result: AccountLinkRow,
    execute: ({ teamId, userId }) => sql`SELECT * FROM account_links WHERE team_id = ${teamId} AND user_id = ${userId}`
  })
  /**
   * A token sealed with a key announced after this replica's own, which it lacks, is this replica's
   * settings' fault (rotation step 1 skipped), not the person's: they are not sent to link again.
   */
  const open = (row: typeof SealedRow.Type) =>
    sealer.open({ keyId: row.key_id, sealed: row.sealed_token }, sealingContextOf(row.team_id, row.user_id)).pipe(
      Effect.catchIf(
        (error) => error.reason === "unsealable" && !sealer.holds(row.key_id),
        (error) =>
          Effect.flatMap(sealingKeys.choose, ({ missing }) =>
            missing.includes(row.key_id)
              ? new StorageError({
                  reason: "key",
                  detail:
                    `this replica cannot open tokens sealed with key ${row.key_id}, which other replicas seal ` +
                    "with: add that key to its TOKEN_ENCRYPTION_KEY"
                })
              : Effect.fail(error)
          )
      )
    )

  const find = fn("AccountLinks.find")(function* (teamId: string, userId: string) {
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

  const save = fn("AccountLinks.save")(function* (link: NewAccountLink) {
    const linkedAt = yield* nowIso
    const sealing = yield* sealingKeys.choose
    const context = sealingContextOf(link.teamId, link.userId)
    const { keyId, sealed } = yield* sealer.seal(link.apiToken, context, sealing.keyId)
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
      rejected_at: null,
      token_fingerprint: tokenFingerprintOf(link.teamId, link.userId, link.apiToken)
    }
    // One statement, so a crash mid-write leaves either the old row or the new one.
    yield* sql`INSERT INTO account_links ${sql.insert(row)}
      ON CONFLICT (team_id, user_id) DO UPDATE SET
        sealed_token = excluded.sealed_token, key_id = excluded.key_id, token_fingerprint = excluded.token_fingerprint,
        scalingo_user_id = excluded.scalingo_user_id, username = excluded.username, email = excluded.email,
        linked_at = excluded.linked_at, last_used_at = NULL, rejected_at = NULL`.pipe(
      Effect.mapError(failed("Saving an account link"))
    )
    return { ...link, linkedAt: new Date(linkedAt), lastUsedAt: null, rejectedAt: null } satisfies AccountLink
  })

  const remove = fn("AccountLinks.remove")(function* (teamId: string, userId: string) {
    const removed =
      yield* sql`DELETE FROM account_links WHERE team_id = ${teamId} AND user_id = ${userId} RETURNING team_id`.pipe(
        Effect.mapError(failed("Removing an account link"))
      )
    return removed.length > 0
  })

  const markRejected = fn("AccountLinks.markRejected")(function* (
    teamId: string,
    userId: string,
    rejectedToken: Redacted.Redacted<string>
  ) {
    const now = yield* nowIso
    // Compared in the same statement as the write, so a relink committed first always wins.
    const marked = yield* sql`UPDATE account_links SET rejected_at = ${now}
      WHERE team_id = ${teamId} AND user_id = ${userId}
        AND (token_fingerprint = ${tokenFingerprintOf(teamId, userId, rejectedToken)} OR token_fingerprint IS NULL)
      RETURNING team_id`.pipe(Effect.mapError(failed("Marking an account link rejected")))
    return marked.length > 0
  })

  const touch = fn("AccountLinks.touch")(function* (teamId: string, userId: string) {
    const now = yield* nowIso
    yield* sql`UPDATE account_links SET last_used_at = ${now} WHERE team_id = ${teamId} AND user_id = ${userId}`.pipe(
      Effect.mapError(failed("Recording an account link's use"))
    )
  })

  const resealAll = makeResealAll(sql, sealer, sealingKeys)

  return { find, save, remove, resealAll, markRejected, touch }
}
