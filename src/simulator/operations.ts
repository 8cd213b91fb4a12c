import { isoDate, objectId } from "./ids.js"
import type { OperationPlan } from "./operateTypes.js"
import type { AppRecord, OperationRecord } from "./records.js"
import type { Timers } from "./timers.js"

/**
 * Asynchronous operations (restart, scale) as DOC operations.md describes them: pending, then
 * running, then done or error with a reason. While one runs the app shows `restarting`/`scaling`
 * and refuses another (see `busyReply`). Tests shape the next one per app with a plan.
 */

export interface OperationEnd {
  readonly status: string
  readonly error: string | null
}

export class Operations {
  private readonly plans = new WeakMap<AppRecord, OperationPlan>()

  constructor(
    private readonly timers: Timers,
    private durationMs: number
  ) {}

  setDuration(ms: number): void {
    this.durationMs = ms
  }

  plan(app: AppRecord, plan: OperationPlan): void {
    this.plans.set(app, plan)
  }

  /** The unfinished operation of the app, if any. */
  running(app: AppRecord): OperationRecord | undefined {
    return [...app.operations.values()].find((operation) => operation.finishedAt === null)
  }

  /**
   * Starts an operation: the app takes `busyStatus` now; `onEnd` runs when it finishes (never, with a
   * `never` plan) and decides what the app becomes.
   */
  start(app: AppRecord, type: string, busyStatus: string, onEnd: (end: OperationEnd) => void): OperationRecord {
    const plan = this.plans.get(app) ?? {}
    this.plans.delete(app)
    const statuses = plan.statuses !== undefined && plan.statuses.length > 0 ? plan.statuses : ["pending", "running"]
    const durationMs = plan.durationMs ?? this.durationMs
    const now = Date.now()
    const operation: OperationRecord = {
      id: objectId(now),
      type,
      createdAt: isoDate(now),
      finishedAt: null,
      status: statuses[0]!,
      error: null
    }
    app.operations.set(operation.id, operation)
    app.status = busyStatus
    const step = durationMs / statuses.length
    statuses.forEach((status, index) => {
      if (index === 0) return
      this.timers.after(step * index, () => {
        operation.status = status
      })
    })
    if (plan.never === true) return operation
    this.timers.after(durationMs, () => {
      const error = plan.error ?? null
      operation.status = plan.finalStatus ?? (error === null ? "done" : "error")
      operation.error = error
      operation.finishedAt = isoDate(Date.now())
      if (app.alive) onEnd({ status: operation.status, error })
    })
    return operation
  }
}

/** DOC operations.md's object; `error` only when there is one, as in its examples. */
export const operationJson = (app: AppRecord, operation: OperationRecord): Record<string, unknown> => ({
  id: operation.id,
  app_id: app.id,
  created_at: operation.createdAt,
  finished_at: operation.finishedAt,
  status: operation.status,
  type: operation.type,
  ...(operation.error === null ? {} : { error: operation.error })
})
