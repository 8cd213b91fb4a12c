import { Schema } from "effect"
import { lenientFields, Text } from "./events/lenient.js"

/** The statuses Scalingo documents for an operation (DOC operations.md); others decode too. */
export const KNOWN_OPERATION_STATUSES = ["pending", "running", "done", "error"] as const
export type KnownOperationStatus = (typeof KNOWN_OPERATION_STATUSES)[number]

/**
 * An async operation (restart, scale…), `GET /v1/apps/{app}/operations/{id}`. `status` and `type`
 * stay open strings; `error` is Scalingo's reason when it failed.
 */
export const Operation = Schema.Struct({
  id: Text,
  status: Schema.String,
  ...lenientFields({
    app_id: Text,
    created_at: Text,
    finished_at: Text,
    type: Schema.String,
    error: Schema.String
  })
})
export type Operation = typeof Operation.Type

export const OperationResponse = Schema.Struct({ operation: Operation })

export interface OperationOutcome {
  /** `done` or `error`, or any status once Scalingo gives a `finished_at`. */
  readonly finished: boolean
  /** Finished in anything but `done`. */
  readonly failed: boolean
  /** Why it failed: Scalingo's `error`, else a sentence naming the status. Undefined unless failed. */
  readonly errorText: string | undefined
}

/** A status fit to quote: Scalingo's words, minus anything that is not a plain word. */
const shown = (status: string) => status.replace(/[^A-Za-z0-9_-]/g, "?").slice(0, 40)

/** Where an operation stands, for showing progress. */
export const operationOutcome = (operation: Operation): OperationOutcome => {
  const finished = operation.status === "done" || operation.status === "error" || (operation.finished_at ?? "") !== ""
  const failed = finished && operation.status !== "done"
  const reason = operation.error?.trim() ?? ""
  const errorText = !failed
    ? undefined
    : reason !== ""
      ? reason
      : `Scalingo reported the operation as ${shown(operation.status)} without saying why`
  return { finished, failed, errorText }
}
