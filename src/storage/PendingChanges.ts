import { fn } from "../tracing/fn.js"
import { randomBytes } from "node:crypto"
import { SqlClient, SqlSchema } from "@effect/sql"
import { Context, Duration, Effect, Layer, Option, Schema } from "effect"
import {
  ChangeRef,
  changeOf,
  type Decision,
  type NewPendingChange,
  type PendingChange,
  PendingChangeRow
} from "./PendingChangeRow.js"
import { storableJson, storableText } from "./SecretGuard.js"
import { isoAt, millisAt } from "./StorageClock.js"
import { failedTo, type StorageError } from "./StorageError.js"

export type { ChangeStatus, Decision, NewPendingChange, PendingChange } from "./PendingChangeRow.js"

/** How long a confirmation waits for its asker (the contract's 10 minutes). */
export const CONFIRMATION_TTL = Duration.minutes(10)

/** Rows stay this long after expiring, so a late click still hears "expired" or "already decided". */
export const KEEP_AFTER_EXPIRY = Duration.hours(24)

const MAX_DETAILS = 2_000

export interface PendingChangesService {
  /** Stores a change waiting for confirmation until `ttl` has passed; the repository chooses its id. */
  readonly create: (
    change: NewPendingChange,
    ttl?: Duration.DurationInput
  ) => Effect.Effect<PendingChange, StorageError>
  readonly find: (teamId: string, id: string) => Effect.Effect<Option.Option<PendingChange>, StorageError>
  /**
   * Confirms in one atomic statement: only for the asker, only while pending and unexpired. However
   * many clicks, Slack retries and replicas race, exactly one gets `Decided`.
   */
  readonly confirm: (teamId: string, id: string, userId: string, now?: Date) => Effect.Effect<Decision, StorageError>
  /** Records that a confirmed change was sent (its answer known); false when it was not `confirmed`. */
  readonly markSent: (teamId: string, id: string) => Effect.Effect<boolean, StorageError>
  /** Cancels under the same rule as `confirm`. */
  readonly cancel: (teamId: string, id: string, userId: string, now?: Date) => Effect.Effect<Decision, StorageError>
  /**
   * Marks every change whose expiry has passed unanswered as expired, and returns them (all teams):
   * each is returned to exactly one caller, so its message is told "expired" once, on one replica.
   */
  readonly expireDue: (now?: Date) => Effect.Effect<ReadonlyArray<PendingChange>, StorageError>
  /** Deletes changes more than KEEP_AFTER_EXPIRY past their expiry (all teams); returns how many. */
  readonly sweep: (now?: Date) => Effect.Effect<number, StorageError>
}

export class PendingChanges extends Context.Tag("bot/storage/PendingChanges")<PendingChanges, PendingChangesService>() {
  static readonly layer: Layer.Layer<PendingChanges, never, SqlClient.SqlClient> = Layer.effect(
    PendingChanges,
    Effect.map(SqlClient.SqlClient, (sql) => makePendingChanges(sql))
  )
}

const DecideRequest = Schema.Struct({
  teamId: Schema.String,
  id: Schema.String,
  userId: Schema.String,
  status: Schema.Literal("confirmed", "cancelled"),
  at: Schema.String
})

const makePendingChanges = (sql: SqlClient.SqlClient): PendingChangesService => {
  const findRow = SqlSchema.findOne({
    Request: ChangeRef,
    Result: PendingChangeRow,
    execute: ({ teamId, id }) => sql`SELECT * FROM pending_changes WHERE team_id = ${teamId} AND id = ${id}`
  })
  // The whole rule sits in the WHERE clause, so the database alone picks the one winner.
  const decideRow = SqlSchema.findOne({
    Request: DecideRequest,
    Result: PendingChangeRow,
    execute: (r) => sql`UPDATE pending_changes SET status = ${r.status}, decided_at = ${r.at}
      WHERE team_id = ${r.teamId} AND id = ${r.id} AND user_id = ${r.userId}
        AND status = 'pending' AND expires_at > ${r.at}
      RETURNING *`
  })
  const expireRows = SqlSchema.findAll({
    Request: Schema.String,
    Result: PendingChangeRow,
    execute: (at) => sql`UPDATE pending_changes SET status = 'expired', decided_at = ${at}
      WHERE status = 'pending' AND expires_at <= ${at}
      RETURNING *`
  })

  const create = fn("PendingChanges.create")(
    function* (change: NewPendingChange, ttl: Duration.DurationInput = CONFIRMATION_TTL) {
      const now = yield* millisAt(undefined)
      const { questionUrl, ...fields } = change
      const stored: PendingChange = {
        ...fields,
        questionUrl: questionUrl ?? null,
        id: randomBytes(16).toString("base64url"),
        createdAt: new Date(now),
        expiresAt: new Date(now + Duration.toMillis(ttl)),
        status: "pending",
        decidedAt: null
      }
      const row = {
        team_id: stored.teamId,
        id: stored.id,
        user_id: stored.userId,
        channel_id: stored.channelId,
        action: stored.action,
        app: stored.app,
        region: stored.region,
        details: yield* storableJson("A pending change's details", change.details, MAX_DETAILS),
        created_at: stored.createdAt.toISOString(),
        expires_at: stored.expiresAt.toISOString(),
        status: stored.status,
        decided_at: null,
        question_url: questionUrl === undefined ? null : yield* storableText("A question's address", questionUrl)
      }
      yield* sql`INSERT INTO pending_changes ${sql.insert(row)}`
      return stored
    },
    Effect.mapError(failedTo("Storing a change to confirm"))
  )

  const find = fn("PendingChanges.find")(
    function* (teamId: string, id: string) {
      const now = yield* millisAt(undefined)
      return Option.map(yield* findRow({ teamId, id }), (row) => changeOf(row, now))
    },
    Effect.mapError(failedTo("Reading a change to confirm"))
  )

  const decide = (status: "confirmed" | "cancelled") =>
    fn(status === "confirmed" ? "PendingChanges.confirm" : "PendingChanges.cancel")(
      function* (teamId: string, id: string, userId: string, now?: Date) {
        const at = yield* millisAt(now)
        const won = yield* decideRow({ teamId, id, userId, status, at: isoAt(at) })
        if (Option.isSome(won)) return { _tag: "Decided", change: changeOf(won.value, at) } satisfies Decision
        // Lost: the row as it is now says why (read after the update, so it reflects the winner).
        const found = yield* findRow({ teamId, id })
        if (Option.isNone(found)) return { _tag: "Unknown" } satisfies Decision
        const change = changeOf(found.value, at)
        if (change.userId !== userId) return { _tag: "NotYours" } satisfies Decision
        if (change.status === "expired") return { _tag: "Expired", change } satisfies Decision
        return { _tag: "AlreadyDecided", change } satisfies Decision
      },
      Effect.mapError(failedTo(`Recording a ${status === "confirmed" ? "confirmation" : "cancellation"}`))
    )

  const markSent = fn("PendingChanges.markSent")(
    function* (teamId: string, id: string) {
      const marked = yield* sql`UPDATE pending_changes SET status = 'sent'
        WHERE team_id = ${teamId} AND id = ${id} AND status = 'confirmed' RETURNING id`
      return marked.length > 0
    },
    Effect.mapError(failedTo("Recording a sent change"))
  )

  const expireDue = fn("PendingChanges.expireDue")(
    function* (now?: Date) {
      const at = yield* millisAt(now)
      return (yield* expireRows(isoAt(at))).map((row) => changeOf(row, at))
    },
    Effect.mapError(failedTo("Expiring changes to confirm"))
  )

  const sweep = fn("PendingChanges.sweep")(
    function* (now?: Date) {
      const cutoff = isoAt((yield* millisAt(now)) - Duration.toMillis(KEEP_AFTER_EXPIRY))
      const removed = yield* sql`DELETE FROM pending_changes WHERE expires_at < ${cutoff} RETURNING id`
      return removed.length
    },
    Effect.mapError(failedTo("Sweeping old changes to confirm"))
  )

  return { create, find, confirm: decide("confirmed"), markSent, cancel: decide("cancelled"), expireDue, sweep }
}
