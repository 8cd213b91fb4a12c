import { Effect } from "effect"
import type { SlashInvocation } from "../interaction/Interaction.js"
import { type NewPendingChange, PendingChanges } from "../../storage/PendingChanges.js"
import { Reply } from "../replies/Reply.js"
import { confirmationMessage } from "./confirmationView.js"

/** What a command asks to confirm: the stored change and how to describe it. */
export interface ChangeQuestion {
  readonly action: string
  readonly app: string
  readonly region: string
  readonly details: NewPendingChange["details"]
  /** The button's and the question's verb: "Restart", "Scale". */
  readonly title: string
  readonly lines: ReadonlyArray<string>
  /** Another confirm button (the stop modal's opener); the plain confirmation by default. */
  readonly confirm?: { readonly actionId: string; readonly text: string }
}

/** Stores the change (10 minutes to confirm) and asks the person, privately. */
export const askToConfirm = (invocation: SlashInvocation, question: ChangeQuestion) =>
  Effect.gen(function* () {
    const pending = yield* PendingChanges
    const change = yield* pending.create({
      teamId: invocation.person.teamId,
      userId: invocation.person.userId,
      channelId: invocation.channelId,
      action: question.action,
      app: question.app,
      region: question.region,
      details: question.details
    })
    return Reply.Private({ message: confirmationMessage(change, question.title, question.lines, question.confirm) })
  })
