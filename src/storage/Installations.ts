import { fn } from "../tracing/fn.js"
import { SqlClient, SqlSchema } from "@effect/sql"
import { Clock, Context, Effect, Layer, Option, ParseResult, type Redacted, Schema } from "effect"
import type { ResealReport } from "./AccountLinkResealing.js"
import { SealingKeys } from "./SealingKeys.js"
import { describeCause, StorageError } from "./StorageError.js"
import { TokenSealer } from "./TokenSealer.js"

/** The bot installed in one Slack workspace: what every Web API call for that team needs. */
export interface Installation {
  readonly teamId: string
  readonly enterpriseId: string | null
  readonly botToken: Redacted.Redacted<string>
  readonly botUserId: string
  readonly botId: string
  readonly installedAt: Date
}

export type NewInstallation = Omit<Installation, "installedAt">

export interface InstallationsService {
  /** The team's installation; with an enterprise id, only if the row belongs to that enterprise (or none). */
  readonly find: (teamId: string, enterpriseId?: string) => Effect.Effect<Option.Option<Installation>, StorageError>
  /** Creates or replaces the team's installation in one statement; `installedAt` is now. */
  readonly save: (installation: NewInstallation) => Effect.Effect<Installation, StorageError>
  /** True when an installation was removed. */
  readonly delete: (teamId: string) => Effect.Effect<boolean, StorageError>
  /** Re-seals every bot token this replica can open onto the sealing key (see TokenResealing). */
  readonly resealAll: () => Effect.Effect<ResealReport, StorageError>
}

/** How long a found (or missing) installation is trusted in memory; save and delete forget it at once. */
export const INSTALLATION_CACHE_MS = 30_000

const Row = Schema.Struct({
  team_id: Schema.String,
  enterprise_id: Schema.NullOr(Schema.String),
  sealed_token: Schema.String,
  key_id: Schema.String,
  bot_user_id: Schema.String,
  bot_id: Schema.String,
  installed_at: Schema.Date
})
const Count = Schema.Struct({ n: Schema.Union(Schema.Number, Schema.NumberFromString) })

/** Authenticated with the sealed token: a value copied into another team's row does not open. */
const contextOf = (teamId: string) => `installation:${teamId}`

/** Row values hold sealed tokens: a shape mismatch is reported without them. */
const failed = (operation: string) => (cause: unknown) =>
  new StorageError({
    reason: "query",
    detail: ParseResult.isParseError(cause)
      ? `${operation}: a stored installation has an unexpected shape`
      : `${operation}: ${describeCause(cause)}`
  })

export class Installations extends Context.Tag("bot/storage/Installations")<Installations, InstallationsService>() {
  static readonly layer: Layer.Layer<Installations, never, SqlClient.SqlClient | TokenSealer | SealingKeys> =
    Layer.effect(
      Installations,
      Effect.gen(function* () {
        return makeInstallations(yield* SqlClient.SqlClient, yield* TokenSealer, yield* SealingKeys)
      })
    )
}

/** Marks a read answered from memory because the database failed. */
const STALE = Symbol("stale")

const makeInstallations = (
  sql: SqlClient.SqlClient,
  sealer: Context.Tag.Service<TokenSealer>,
  sealingKeys: Context.Tag.Service<SealingKeys>
): InstallationsService => {
  const findRow = SqlSchema.findOne({
    Request: Schema.String,
    Result: Row,
    execute: (teamId) => sql`SELECT * FROM installations WHERE team_id = ${teamId}`
  })
  const findStale = SqlSchema.findAll({
    Request: Schema.String,
    Result: Row,
    execute: (keyId) => sql`SELECT * FROM installations WHERE key_id <> ${keyId}`
  })
  const countOthers = SqlSchema.single({
    Request: Schema.String,
    Result: Count,
    execute: (keyId) => sql`SELECT COUNT(*) AS n FROM installations WHERE key_id <> ${keyId}`
  })
  const cache = new Map<string, { readonly found: Option.Option<Installation>; readonly until: number }>()

  const read = fn("Installations.read")(function* (teamId: string) {
    const now = yield* Clock.currentTimeMillis
    const known = cache.get(teamId)
    if (known !== undefined && known.until > now) return known.found
    const row = yield* findRow(teamId).pipe(
      Effect.mapError(failed("Reading an installation")),
      // The database down must not silence the bot: the installation last read still answers (its
      // token may not have changed), so a command still gets its apology rather than nothing.
      Effect.catchAll((error) =>
        known !== undefined && Option.isSome(known.found) ? Effect.succeed(STALE) : Effect.fail(error)
      )
    )
    if (row === STALE) return known!.found
    const found = Option.isNone(row)
      ? Option.none<Installation>()
      : Option.some<Installation>({
          teamId,
          enterpriseId: row.value.enterprise_id,
          botToken: yield* sealer.open({ keyId: row.value.key_id, sealed: row.value.sealed_token }, contextOf(teamId)),
          botUserId: row.value.bot_user_id,
          botId: row.value.bot_id,
          installedAt: row.value.installed_at
        })
    if (cache.size >= 1_000) cache.clear()
    cache.set(teamId, { found, until: now + INSTALLATION_CACHE_MS })
    return found
  })

  const find = (teamId: string, enterpriseId?: string) =>
    read(teamId).pipe(
      Effect.map(
        Option.filter(
          (found) => enterpriseId === undefined || found.enterpriseId === null || found.enterpriseId === enterpriseId
        )
      )
    )

  const save = fn("Installations.save")(function* (installation: NewInstallation) {
    const installedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
    const sealing = yield* sealingKeys.choose
    const { keyId, sealed } = yield* sealer.seal(installation.botToken, contextOf(installation.teamId), sealing.keyId)
    const row = {
      team_id: installation.teamId,
      enterprise_id: installation.enterpriseId,
      sealed_token: sealed,
      key_id: keyId,
      bot_user_id: installation.botUserId,
      bot_id: installation.botId,
      installed_at: installedAt
    }
    cache.delete(installation.teamId)
    yield* sql`INSERT INTO installations ${sql.insert(row)}
      ON CONFLICT (team_id) DO UPDATE SET
        enterprise_id = excluded.enterprise_id, sealed_token = excluded.sealed_token, key_id = excluded.key_id,
        bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, installed_at = excluded.installed_at`.pipe(
      Effect.mapError(failed("Saving an installation"))
    )
    const saved = { ...installation, installedAt: new Date(installedAt) } satisfies Installation
    // Known at once on this replica (and so still known should the database go away later).
    cache.set(installation.teamId, {
      found: Option.some(saved),
      until: (yield* Clock.currentTimeMillis) + INSTALLATION_CACHE_MS
    })
    return saved
  })

  const remove = fn("Installations.delete")(function* (teamId: string) {
    cache.delete(teamId)
    const removed = yield* sql`DELETE FROM installations WHERE team_id = ${teamId} RETURNING team_id`.pipe(
      Effect.mapError(failed("Removing an installation"))
    )
    return removed.length > 0
  })

  const resealAll = fn("Installations.resealAll")(function* () {
    const { keyId, missing, retired } = yield* sealingKeys.choose
    const stale = yield* findStale(keyId).pipe(Effect.mapError(failed("Listing bot tokens to re-seal")))
    let resealed = 0
    const unreadable = new Map<string, number>()
    for (const row of stale) {
      const context = contextOf(row.team_id)
      const token = yield* Effect.option(sealer.open({ keyId: row.key_id, sealed: row.sealed_token }, context))
      if (Option.isNone(token)) {
        unreadable.set(row.key_id, (unreadable.get(row.key_id) ?? 0) + 1)
        continue
      }
      const fresh = yield* sealer.seal(token.value, context, keyId)
      // Only if the row still holds what was read: a concurrent save or re-seal wins.
      const updated = yield* sql`UPDATE installations SET sealed_token = ${fresh.sealed}, key_id = ${fresh.keyId}
        WHERE team_id = ${row.team_id} AND key_id = ${row.key_id} AND sealed_token = ${row.sealed_token}
        RETURNING team_id`.pipe(Effect.mapError(failed("Re-sealing a bot token")))
      resealed += updated.length
    }
    const { n } = yield* countOthers(keyId).pipe(Effect.mapError(failed("Counting bot tokens to re-seal")))
    return { keyId, missing, retired, resealed, unreadable, remaining: n } satisfies ResealReport
  })

  return { find, save, delete: remove, resealAll }
}
