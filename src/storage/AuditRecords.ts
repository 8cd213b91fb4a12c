import { fn } from "../tracing/fn.js"
import { randomBytes } from "node:crypto"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Schema } from "effect"
import {
  type AuditFilter,
  type AuditOutcome,
  type AuditPage,
  type AuditRecord,
  auditRecordOf,
  CountRow,
  decodeAuditRows,
  type NewAuditRecord
} from "./AuditRecordRow.js"
import { storableJson, storableText } from "./SecretGuard.js"
import { isoAt, millisAt } from "./StorageClock.js"
import { failedTo, type StorageError } from "./StorageError.js"

export type { AuditFilter, AuditOutcome, AuditPage, AuditRecord, NewAuditRecord } from "./AuditRecordRow.js"

const MAX_DETAILS = 4_000
const MAX_PER_PAGE = 100

export interface AuditRecordsService {
  /**
   * Records a change about to be sent, as `pending`; returns its id. Details that look like they hold
   * a secret (a token, a URL with `token=`) are refused with a StorageError of reason `refused`.
   */
  readonly begin: (record: NewAuditRecord) => Effect.Effect<string, StorageError>
  /**
   * Completes a record still `pending` (or marked `unknown` by crash recovery, since its own outcome is
   * better knowledge); true when it was completed, false for a record already done or failed.
   */
  readonly complete: (
    teamId: string,
    id: string,
    outcome: Exclude<AuditOutcome, "pending">,
    errorTag?: string,
    scalingoRef?: string
  ) => Effect.Effect<boolean, StorageError>
  /** A team's records, newest first, `page` from 1, with how many match in all. */
  readonly list: (
    teamId: string,
    filter: AuditFilter,
    page: number,
    perPage: number
  ) => Effect.Effect<AuditPage, StorageError>
  /** Retention: deletes every team's records made before `cutoff`; returns how many. */
  readonly deleteOlderThan: (cutoff: Date) => Effect.Effect<number, StorageError>
  /** Records of every team still `pending` that were begun before `cutoff`: left so by a crash. */
  readonly openOlderThan: (cutoff: Date) => Effect.Effect<ReadonlyArray<AuditRecord>, StorageError>
}

export class AuditRecords extends Context.Tag("bot/storage/AuditRecords")<AuditRecords, AuditRecordsService>() {
  static readonly layer: Layer.Layer<AuditRecords, never, SqlClient.SqlClient> = Layer.effect(
    AuditRecords,
    Effect.map(SqlClient.SqlClient, (sql) => makeAuditRecords(sql))
  )
}

const decodeCount = Schema.decodeUnknown(Schema.Array(CountRow))

/** Text columns a caller fills from error values; guarded like details. */
const optionalText = (column: string, text: string | undefined) =>
  text === undefined ? Effect.succeed(null) : storableText(column, text)

const makeAuditRecords = (sql: SqlClient.SqlClient): AuditRecordsService => {
  const begin = fn("AuditRecords.begin")(
    function* (record: NewAuditRecord) {
      const id = randomBytes(12).toString("base64url")
      const row = {
        team_id: record.teamId,
        id,
        slack_user_id: record.slackUserId,
        scalingo_user: record.scalingoUser,
        channel_id: record.channelId,
        action: record.action,
        app: record.app,
        region: record.region,
        details: yield* storableJson("An audit record's details", record.details, MAX_DETAILS),
        outcome: "pending",
        error_tag: null,
        scalingo_ref: null,
        created_at: isoAt(yield* millisAt(undefined)),
        completed_at: null
      }
      yield* sql`INSERT INTO audit_records ${sql.insert(row)}`
      return id
    },
    Effect.mapError(failedTo("Recording a change in the audit trail"))
  )

  const complete = fn("AuditRecords.complete")(
    function* (
      teamId: string,
      id: string,
      outcome: Exclude<AuditOutcome, "pending">,
      errorTag?: string,
      scalingoRef?: string
    ) {
      const tag = yield* optionalText("An audit record's error tag", errorTag)
      const ref = yield* optionalText("An audit record's Scalingo reference", scalingoRef)
      const at = isoAt(yield* millisAt(undefined))
      const completed = yield* sql`UPDATE audit_records
      SET outcome = ${outcome}, error_tag = ${tag}, scalingo_ref = ${ref}, completed_at = ${at}
      WHERE team_id = ${teamId} AND id = ${id} AND outcome IN ('pending', 'unknown')
      RETURNING id`
      return completed.length > 0
    },
    Effect.mapError(failedTo("Completing an audit record"))
  )

  const list = fn("AuditRecords.list")(
    function* (teamId: string, filter: AuditFilter, page: number, perPage: number) {
      const limit = Math.min(Math.max(Math.trunc(perPage) || 1, 1), MAX_PER_PAGE)
      const offset = (Math.max(Math.trunc(page) || 1, 1) - 1) * limit
      const where = sql.and([
        sql`team_id = ${teamId}`,
        ...(filter.userId === undefined ? [] : [sql`slack_user_id = ${filter.userId}`]),
        ...(filter.app === undefined ? [] : [sql`app = ${filter.app}`])
      ])
      const [rows, counted] = yield* Effect.all([
        sql`SELECT * FROM audit_records WHERE ${where}
        ORDER BY created_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`.pipe(Effect.flatMap(decodeAuditRows)),
        sql`SELECT COUNT(*) AS total FROM audit_records WHERE ${where}`.pipe(Effect.flatMap(decodeCount))
      ])
      return { records: rows.map(auditRecordOf), total: counted[0]?.total ?? 0 } satisfies AuditPage
    },
    Effect.mapError(failedTo("Reading the audit trail"))
  )

  const deleteOlderThan = fn("AuditRecords.deleteOlderThan")(
    (cutoff: Date) =>
      Effect.map(
        sql`DELETE FROM audit_records WHERE created_at < ${cutoff.toISOString()} RETURNING id`,
        (rows) => rows.length
      ),
    Effect.mapError(failedTo("Deleting old audit records"))
  )

  const openOlderThan = fn("AuditRecords.openOlderThan")(
    (cutoff: Date) =>
      sql`SELECT * FROM audit_records WHERE outcome = 'pending' AND created_at < ${cutoff.toISOString()}
        ORDER BY created_at`.pipe(
        Effect.flatMap(decodeAuditRows),
        Effect.map((rows) => rows.map(auditRecordOf))
      ),
    Effect.mapError(failedTo("Finding unfinished audit records"))
  )

  return { begin, complete, list, deleteOlderThan, openOlderThan }
}
