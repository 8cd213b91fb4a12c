import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { say } from "../../blockKit/blocks.js"
import { code } from "../../blockKit/text.js"
import { ContainersApi } from "../../scalingo/ContainersApi.js"
import { isContainerName, notInFormation, unknownContainersSentence } from "../../scalingo/containerNames.js"
import { OperationsApi } from "../../scalingo/OperationsApi.js"
import type { PendingChange } from "../../storage/PendingChanges.js"
import { operationIdOf } from "../../runtime/auditTrail.js"
import { announceAndFollow } from "../../runtime/changes/announce.js"
import { sendConfirmed } from "../../runtime/changes/sendConfirmed.js"
import { askToConfirm } from "../../runtime/changes/confirmation.js"
import { decidedMessage } from "../../runtime/changes/confirmationView.js"
import type { ChangeExecutor } from "../../runtime/changes/executors.js"
import { changeFailure } from "../../runtime/errorMessages.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { noteRestartSent } from "../../runtime/restartSent.js"
import { restartLines, restartProgressMessage, scopeText } from "./restartView.js"

/**
 * `restart <app> [type …]`: reads the app's formation with the person's account (so an app they
 * cannot see, or a type it does not have, is refused before anything is asked), then asks them,
 * privately, to confirm what restarts.
 */
export const restart = fn("Restart.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const directory = yield* AppDirectory
  const containers = yield* ContainersApi
  const [app = "", ...scope] = args
  const { region, formation } = yield* accounts.actingAs(invocation.person, ({ account }) =>
    Effect.gen(function* () {
      const found = yield* directory.find(account, app)
      return { region: found.region, formation: yield* containers.formation(account, found.region, app) }
    })
  )
  const types = formation.map((t) => t.name)
  const unknown = notInFormation(scope, types)
  if (unknown.length > 0) {
    return Reply.Private({ message: say(unknownContainersSentence(app, unknown, types, "to restart")) })
  }
  if (formation.every((t) => t.amount === 0)) {
    return Reply.Private({ message: say(`${code(app)} has no running container to restart.`) })
  }
  return yield* askToConfirm(invocation, {
    action: "restart",
    app,
    region,
    details: { scope },
    title: "Restart",
    lines: restartLines(scope, formation)
  })
})

const scopeOf = (change: PendingChange): ReadonlyArray<string> => {
  const scope = (change.details as { scope?: unknown } | null)?.scope
  return Array.isArray(scope) ? scope.filter((s): s is string => typeof s === "string" && isContainerName(s)) : []
}

/**
 * A confirmed restart: exactly one `POST /restart`, with the confirmer's own account, then a channel
 * message naming who restarted what, edited in place until Scalingo's operation is done or failed.
 */
export const restartExecutor: ChangeExecutor = (change, confirmer) =>
  Effect.gen(function* () {
    const operations = yield* OperationsApi
    const scope = scopeOf(change)
    const sent = yield* sendConfirmed(
      change,
      confirmer,
      { scope },
      (account) => operations.restart(account, change.region, change.app, scope.length > 0 ? scope : undefined),
      operationIdOf
    ).pipe(Effect.either)
    if (sent._tag === "Left") {
      return changeFailure("restart", change.app, sent.left, confirmer.command)
    }
    yield* noteRestartSent({ ...change, userId: confirmer.person.userId, at: new Date(), account: sent.right.account })
    yield* announceAndFollow({
      account: sent.right.account,
      channel: change.channelId,
      region: change.region,
      operationUrl: sent.right.result,
      render: (progress) =>
        restartProgressMessage(confirmer.person.userId, change.app, change.region, scope, progress, confirmer.command)
    })
    return decidedMessage(
      `:white_check_mark: Confirmed: restarting ${scopeText(scope)} of ${code(change.app)}. ` +
        "The channel follows it as it runs."
    )
  })
