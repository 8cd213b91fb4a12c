import { Effect, Option } from "effect"
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
  guardUnmet,
  notYours
} from "./confirmationView.js"
import { decideChange } from "./decide.js"
import type { ChangeKinds } from "./kinds.js"
import { storedChangeTarget } from "./target.js"

/**
 * Confirm and Cancel on a change's question. The decision is one atomic statement in storage, so
 * however often the button is clicked, retried by Slack or raced across replicas, exactly one click
 * carries the change out, and only those the change's rule allows can make it. The question is
 * replaced, so its buttons cannot be pressed again.
 */
export const changesFeature = <C extends { readonly _tag: string }>(kinds: ChangeKinds<C>): Feature => {
  const decide =
    (verdict: "confirm" | "cancel"): Handler<ButtonClick> =>
    (click) =>
      Effect.gen(function* () {
        const id = ChangeId.decode(click.value)
        if (Option.isNone(id)) return Reply.Private({ message: staleButton(click.command) })
        const decided = yield* decideChange(kinds, verdict, id.value, click)
        switch (decided._tag) {
          case "NotYours":
            return Reply.Private({ message: notYours() })
          case "Stale":
            return Reply.Private({ message: staleButton(click.command) })
          case "Expired":
            return Reply.ReplaceClicked({ message: expired(decided.change) })
          case "AlreadyDecided":
            return Reply.ReplaceClicked({ message: alreadyDecided(decided.change) })
          case "Guarded":
            return Reply.Private({ message: guardUnmet(decided.change, decided.guard) })
          case "Cancelled":
            return Reply.ReplaceClicked({ message: cancelled(decided.change) })
          case "Carried":
            return Reply.ReplaceClicked({ message: decided.message })
        }
      })
  return {
    buttons: { [CONFIRM_ACTION]: decide("confirm"), [CANCEL_ACTION]: decide("cancel") },
    // Checked again when confirmed: a policy changed since the question was asked refuses it.
    buttonTargets: { [CONFIRM_ACTION]: (click) => storedChangeTarget(click.person.teamId, click.value) }
  }
}
