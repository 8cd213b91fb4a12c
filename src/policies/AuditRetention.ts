import { Clock, Duration, Effect, Layer, Schedule } from "effect"
import { AuditRecords } from "../storage/AuditRecords.js"
import { PolicySettings } from "./PolicySettings.js"

const DAY_MS = 24 * 60 * 60 * 1000
/** A change's request to Scalingo is over well within this: a record still pending past it was cut off. */
export const OPEN_AT_MOST_MS = 10 * 60 * 1000

/** How often the sweep runs: a quarter of the retention period, between 1 second and 1 hour. */
export const sweepEvery = (retentionMs: number) =>
  Duration.millis(Math.min(3_600_000, Math.max(1_000, retentionMs / 4)))

/**
 * The audit trail's upkeep. At start, records left pending by a process that stopped (a crash, a
 * SIGKILL) become `unknown`: whether their change reached Scalingo cannot be known (a replica still
 * sending one may yet complete it). Then, periodically, records older than AUDIT_RETENTION_DAYS are
 * deleted and records pending for more than 10 minutes become `unknown`.
 */
export const auditUpkeep = Effect.gen(function* () {
  const records = yield* AuditRecords
  const settings = yield* PolicySettings
  const retentionMs = settings.auditRetentionDays * DAY_MS
  const markUnknown = (cutoffMs: number) =>
    Effect.gen(function* () {
      const open = yield* records.openOlderThan(new Date(cutoffMs))
      for (const record of open) {
        yield* records.complete(record.teamId, record.id, "unknown", "Interrupted")
        yield* Effect.logInfo("audit record").pipe(
          Effect.annotateLogs({
            audit_id: record.id,
            audit_action: record.action,
            audit_outcome: "unknown",
            error_tag: "Interrupted",
            slack_team: record.teamId,
            slack_user: record.slackUserId,
            ...(record.app !== null ? { app: record.app } : {})
          })
        )
      }
    })
  const started = yield* Clock.currentTimeMillis
  yield* markUnknown(started).pipe(
    Effect.catchAll((error) => Effect.logWarning("could not close unfinished audit records", { reason: error.reason }))
  )
  const sweep = Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const deleted = yield* records.deleteOlderThan(new Date(now - retentionMs))
    if (deleted > 0) yield* Effect.logInfo("deleted old audit records", { deleted })
    yield* markUnknown(now - OPEN_AT_MOST_MS)
  }).pipe(Effect.catchAll((error) => Effect.logWarning("audit upkeep failed", { reason: error.reason })))
  yield* Effect.forkScoped(sweep.pipe(Effect.repeat(Schedule.spaced(sweepEvery(retentionMs)))))
})

export const AuditRetention = { layer: Layer.scopedDiscard(auditUpkeep) }
