import { Effect } from "effect"
import type { Region } from "../../scalingo/schemas/region.js"
import { OperationsApi, operationOutcome } from "../../scalingo/OperationsApi.js"
import type { ScalingoAccount } from "../../scalingo/ScalingoAccount.js"
import type { Operation } from "../../scalingo/schemas/operation.js"
import type { Progress } from "./progress.js"

const secondsBetween = (from: string | null | undefined, to: string | null | undefined, fallback: number) => {
  const start = Date.parse(from ?? "")
  const end = Date.parse(to ?? "")
  return Number.isFinite(start) && Number.isFinite(end) && end >= start ? (end - start) / 1000 : fallback
}

/** An operation as progress: running, done in N s, or failed with Scalingo's reason. */
export const progressOf = (operation: Operation, startedAt: number): Progress => {
  const outcome = operationOutcome(operation)
  if (!outcome.finished) return { _tag: "Running", status: operation.status }
  const seconds = secondsBetween(operation.created_at, operation.finished_at, (Date.now() - startedAt) / 1000)
  return outcome.failed
    ? { _tag: "Failed", reason: outcome.errorText ?? "unknown", seconds }
    : { _tag: "Done", seconds }
}

/** One read of the operation at `url` (a 202's Location), as progress. */
export const pollOperation = (account: ScalingoAccount, region: string | Region, url: string, startedAt: number) =>
  Effect.flatMap(OperationsApi, (operations) =>
    Effect.map(operations.operation(account, typeof region === "string" ? region : region.name, url), (operation) =>
      progressOf(operation, startedAt)
    )
  )
