import { Effect, Exit, Option } from "effect"
import { PendingChanges } from "../../storage/PendingChanges.js"
import type { Message } from "../../blockKit/blocks.js"
import { code } from "../../blockKit/text.js"
import {
  alreadyDecided,
  ChangeId,
  decidedMessage,
  expired,
  guardUnmet,
  notYours
} from "../../runtime/changes/confirmationView.js"
import { decideChange, readChange } from "../../runtime/changes/decide.js"
import { mayConfirm } from "../../runtime/changes/kinds.js"
import { staleButton } from "../../runtime/errorMessages.js"
import type { Handler, SubmissionHandler } from "../../runtime/feature.js"
import { type ButtonClick, inputValue } from "../../runtime/interaction/Interaction.js"
import { answerInTime, type ModalOutcome } from "../../runtime/modals/answerInTime.js"
import { fromModalOrigin } from "../../runtime/modals/modalOrigin.js"
import { ModalAck } from "../../runtime/replies/ModalAck.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { changeKinds } from "../changeKinds.js"
import { outcomeModal, STOP_BLOCK, STOP_INPUT, StopMetadata, stopModal } from "./scaleView.js"

/**
 * "Stop the app…" on a scale that would leave no container: opens a modal asking for the app's name.
 * Only the asker, while the question stands; deciding happens on submission, atomically.
 */
export const openStopModal: Handler<ButtonClick> = (click) =>
  Effect.gen(function* () {
    const id = ChangeId.decode(click.value)
    if (Option.isNone(id)) return Reply.Private({ message: staleButton(click.command) })
    const found = yield* readChange(changeKinds, click.person.teamId, id.value)
    if (Option.isNone(found)) return Reply.Private({ message: staleButton(click.command) })
    const change = found.value.stored
    if (!mayConfirm(found.value.confirmBy, change, click.person)) return Reply.Private({ message: notYours() })
    if (change.status === "expired") return Reply.ReplaceClicked({ message: expired(change) })
    if (change.status !== "pending") return Reply.ReplaceClicked({ message: alreadyDecided(change) })
    const metadata = StopMetadata.encode({ i: change.id, ...(click.responseUrl ? { r: click.responseUrl } : {}) })
    return Reply.OpenModal({ view: stopModal(change.app, metadata) })
  })

/** The typed name: wrong → said inline; right → the scale is confirmed (once) and sent. */
export const submitStop: SubmissionHandler = (submission) =>
  Effect.gen(function* () {
    const pending = yield* PendingChanges
    const metadata = StopMetadata.decode(submission.privateMetadata)
    if (Option.isNone(metadata)) return ModalAck.Show({ view: outcomeModal("This form is no longer valid.") })
    const found = yield* pending.find(submission.person.teamId, metadata.value.i)
    if (Option.isNone(found)) return ModalAck.Show({ view: outcomeModal("This form is no longer valid.") })
    const app = found.value.app
    const typed = (inputValue(submission, STOP_BLOCK, STOP_INPUT) ?? "").trim()
    if (typed !== app) {
      return ModalAck.Errors({ errors: { [STOP_BLOCK]: `That is not the app's name: type ${code(app)} exactly.` } })
    }
    const work = Effect.gen(function* () {
      const decided = yield* decideChange(changeKinds, "confirm", metadata.value.i, submission, { typedName: typed })
      switch (decided._tag) {
        case "Carried":
          return decided.message
        case "Expired":
          return expired(decided.change)
        case "AlreadyDecided":
          return alreadyDecided(decided.change)
        case "Guarded":
          return guardUnmet(decided.change, decided.guard)
        case "Stale":
          return decidedMessage("This change could not be read back; nothing was sent.")
        default:
          return notYours()
      }
    })
    const outcome = (exit: Exit.Exit<Message, unknown>): Effect.Effect<ModalOutcome> =>
      Effect.succeed(
        Exit.isSuccess(exit)
          ? {
              _tag: "Next",
              view: outcomeModal(exit.value.text),
              also: [Reply.Private({ message: exit.value, replace: true })]
            }
          : {
              _tag: "Next",
              view: outcomeModal("Sorry, something went wrong; nothing may have been sent. Check the app.")
            }
      )
    return yield* answerInTime({
      submission,
      work,
      outcome,
      pending: outcomeModal(":hourglass_flowing_sand: Stopping…")
    }).pipe(fromModalOrigin(submission, metadata.value.r !== undefined ? { r: metadata.value.r } : {}))
  })
