import { Effect } from "effect"
import { PendingChanges } from "../../storage/PendingChanges.js"
import type { SlashInvocation } from "../interaction/Interaction.js"
import { Conversation } from "../replies/Replies.js"
import { Reply } from "../replies/Reply.js"
import { confirmationMessage } from "./confirmationView.js"
import type { ChangeKinds, ChangeTarget } from "./kinds.js"

/**
 * Stores the change (10 minutes to confirm) with who may confirm it, its guards and where its question
 * can be edited, and asks the person, privately, with the question its kind declares.
 */
export const askToConfirm = <C extends { readonly _tag: string }>(
  invocation: SlashInvocation,
  kinds: ChangeKinds<C>,
  change: C,
  target: ChangeTarget
) =>
  Effect.gen(function* () {
    const pending = yield* PendingChanges
    // The question is answered where the interaction came from: its response_url can edit it later.
    const { origin } = yield* Conversation
    const kind = kinds.kindOf(change)
    const stored = yield* pending.create({
      teamId: invocation.person.teamId,
      userId: invocation.person.userId,
      channelId: invocation.channelId,
      action: kind.action,
      app: target.app,
      region: target.region,
      details: kinds.encode({ change, confirmBy: { _tag: "Requester" }, guards: kind.guards(change) }),
      questionUrl: origin.responseUrl
    })
    const question = kind.question(change, target)
    return Reply.Private({ message: confirmationMessage(stored, question.title, question.lines, question.confirm) })
  })
