import { Effect } from "effect"
import { logWithReference } from "../errorMessages.js"
import type { SubmissionHandler } from "../feature.js"
import { CommandName, type ViewSubmission } from "../interaction/Interaction.js"
import { toViewAck, type ViewAck } from "../replies/ModalAck.js"
import { Conversation, conversationFor, type Replies } from "../replies/Replies.js"

/** A modal submission; always answers (an unexpected failure closes the modal after logging). */
export const handleSubmissionWith =
  <R>(submissions: Readonly<Record<string, SubmissionHandler<R>>>) =>
  (submission: ViewSubmission): Effect.Effect<ViewAck, never, Exclude<R, Conversation> | Replies> => {
    const handler = Object.hasOwn(submissions, submission.callbackId) ? submissions[submission.callbackId] : undefined
    if (handler === undefined) return Effect.succeed(undefined)
    return Effect.gen(function* () {
      const conversation = yield* conversationFor({ person: submission.person, viewId: submission.viewId })
      const ack = yield* handler(submission).pipe(Effect.provideService(Conversation, conversation))
      yield* Effect.logInfo("submission handled").pipe(
        Effect.annotateLogs({ callback: submission.callbackId, ack: ack._tag })
      )
      return toViewAck(ack)
    }).pipe(
      Effect.withSpan("ViewSubmission", { root: true, attributes: { callback: submission.callbackId } }),
      Effect.catchAllCause((cause) => Effect.as(logWithReference("modal submission failed", cause), undefined)),
      Effect.provideService(CommandName, submission.command),
      Effect.annotateLogs({ slack_team: submission.person.teamId, slack_user: submission.person.userId })
    )
  }
