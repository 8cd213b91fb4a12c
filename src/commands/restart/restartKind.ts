import { Effect, Schema } from "effect"
import { code } from "../../blockKit/text.js"
import { ContainerName } from "../../scalingo/containerNames.js"
import { OperationsApi } from "../../scalingo/OperationsApi.js"
import { operationIdOf } from "../../runtime/auditTrail.js"
import type { ChangeKind } from "../../runtime/changes/kinds.js"
import { pollOperation } from "../../runtime/changes/operationProgress.js"
import { noteRestartSent } from "../../runtime/restartSent.js"
import { restartLines, scopeText } from "./restartView.js"

/** One type of the formation as it was when the restart was asked (for the question). */
const FormationType = Schema.Struct({ name: Schema.String, amount: Schema.Number, size: Schema.String })

/** A restart of some types or containers (`web`, `web-1`), or of every container when the scope is empty. */
export const RestartChange = Schema.TaggedStruct("Restart", {
  scope: Schema.Array(ContainerName).pipe(Schema.maxItems(20)),
  formation: Schema.Array(FormationType).pipe(Schema.maxItems(20))
})
export type RestartChange = typeof RestartChange.Type

/**
 * A confirmed restart: exactly one `POST /restart`, with the confirmer's own account, followed in the
 * channel from Scalingo's operation until it is done or failed.
 */
export const restartKind: ChangeKind<RestartChange, string | undefined> = {
  action: "restart",
  words: { emoji: ":arrows_counterclockwise:", ongoing: "restarting", done: "restarted", noun: "restart" },
  question: (change) => ({ title: "Restart", lines: restartLines(change.scope, change.formation) }),
  guards: () => [],
  what: (change, target) => `${scopeText(change.scope)} of ${code(target.app)} (${code(target.region)})`,
  audit: (change) => ({ scope: change.scope }),
  send: (change, target, account) =>
    Effect.flatMap(OperationsApi, (operations) =>
      operations.restart(account, target.region, target.app, change.scope.length > 0 ? change.scope : undefined)
    ),
  // A crash alert of the app in that channel says who restarted it, and retires its Restart button.
  afterSent: (_change, sent) => noteRestartSent({ ...sent, at: new Date() }),
  ref: operationIdOf,
  progress: (operationUrl, target, account) =>
    operationUrl === undefined ? undefined : pollOperation(account, target.region, operationUrl, Date.now())
}
