import { Effect, Option } from "effect"
import { PendingChanges } from "../../storage/PendingChanges.js"
import { staleButton } from "../errorMessages.js"
import type { Feature, Handler } from "../feature.js"
import type { ButtonClick } from "../interaction/Interaction.js"
import { Reply } from "../replies/Reply.js"
import {
  alreadyDecided,
  CANCEL_ACTION,
  CONFIRM_ACTION,
  ChangeId,
  cancelled,
  expired,
  notYours
} from "./confirmationView.js"
import type { ChangeExecutor } from "./executors.js"
import { storedChangeTarget } from "./target.js"

/**
 * Confirm and Cancel on a change's question. The decision is one atomic statement in storage, so
 * however often the button is clicked, retried by Slack or raced across replicas, exactly one click
 * carries the change out, and only the person who asked can make it. The question is replaced, so its
 * buttons cannot be pressed again.
 */
export const changesFeature = (executors: Readonly<Record<string, ChangeExecutor>>): Feature => {
  const decide =
    (verdict: "confirm" | "cancel"): Handler<ButtonClick> =>
    (click) =>
      Effect.gen(function* () {
        const pending = yield* PendingChanges
        const id = ChangeId.decode(click.value)
        if (Option.isNone(id)) return Reply.Private({ message: staleButton(click.command) })
        const decision = yield* (verdict === "confirm" ? pending.confirm : pending.cancel)(
          click.person.teamId,
          id.value,
          click.person.userId
        )
        switch (decision._tag) {
          case "NotYours":
            return Reply.Private({ message: notYours() })
          case "Unknown":
            return Reply.Private({ message: staleButton(click.command) })
          case "Expired":
            return Reply.ReplaceClicked({ message: expired(decision.change) })
          case "AlreadyDecided":
            return Reply.ReplaceClicked({ message: alreadyDecided(decision.change) })
          case "Decided": {
            if (verdict === "cancel") return Reply.ReplaceClicked({ message: cancelled(decision.change) })
            const executor = executors[decision.change.action]
            if (executor === undefined) return Reply.Private({ message: staleButton(click.command) })
            return Reply.ReplaceClicked({ message: yield* executor(decision.change, click) })
          }
        }
      })
  return {
    buttons: { [CONFIRM_ACTION]: decide("confirm"), [CANCEL_ACTION]: decide("cancel") },
    // Checked again when confirmed: a policy changed since the question was asked refuses it.
    buttonTargets: { [CONFIRM_ACTION]: (click) => storedChangeTarget(click.person.teamId, click.value) }
  }
}
