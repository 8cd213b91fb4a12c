import { Clock, Deferred, Effect, type Exit, Fiber } from "effect"
import { Background } from "../../Background.js"
import type { View } from "../../blockKit/views.js"
import { logWithReference } from "../errorMessages.js"
import type { ViewSubmission } from "../interaction/Interaction.js"
import { type Conversation, show } from "../replies/Replies.js"
import { ModalAck } from "../replies/ModalAck.js"
import { Reply } from "../replies/Reply.js"

/**
 * What a submission's result shows, decided once by a pure function: inline problems (with the form
 * to show again should the answer come too late for inline errors), or the next view; plus replies
 * to show besides (an announcement in the channel, a private confirmation).
 */
export type ModalOutcome =
  | { readonly _tag: "Invalid"; readonly errors: Readonly<Record<string, string>>; readonly form: View; also?: never }
  | { readonly _tag: "Next"; readonly view: View; readonly also?: ReadonlyArray<Reply> }

/** Slack gives a submission 3 s; the answer must leave well before, counted from the request's arrival. */
const SUBMISSION_BUDGET_MS = 2_500

/**
 * Runs a submission's work and answers in time whatever it costs. Work that finishes within the
 * deadline (counted from when Slack's request arrived) answers in the acknowledgement itself, so
 * problems sit inline under their field; slower work shows `pending` at once and replaces it with the
 * same outcome when it arrives. The follow-up is armed before waiting, so no result is ever lost.
 */
export const answerInTime = <A, E, R>(options: {
  readonly submission: ViewSubmission
  readonly work: Effect.Effect<A, E, R>
  readonly outcome: (exit: Exit.Exit<A, E>) => Effect.Effect<ModalOutcome>
  readonly pending: View
}): Effect.Effect<ModalAck, never, Background | Conversation | R> =>
  Effect.gen(function* () {
    const background = yield* Background
    const context = yield* Effect.context<R | Conversation>()
    const late = yield* Deferred.make<boolean>()
    // The work and the decision of what it shows, armed before anything waits on them.
    const decided = yield* background.fork(
      Effect.provide(options.work, context).pipe(Effect.exit, Effect.flatMap(options.outcome))
    )

    const showAll = (replies: ReadonlyArray<Reply>) =>
      Effect.forEach(replies, (reply) => show(reply), { discard: true })
    const followUp = Effect.gen(function* () {
      const outcome = yield* Fiber.join(decided)
      const wasLate = yield* Deferred.await(late)
      // Told first: a modal Slack will not update any more must not hide what happened.
      if (outcome._tag === "Next") yield* showAll(outcome.also ?? [])
      if (wasLate) {
        const view = outcome._tag === "Next" ? outcome.view : outcome.form
        yield* show(Reply.UpdateModal({ view, viewId: options.submission.viewId }))
      }
    }).pipe(
      Effect.catchAllCause((cause) => logWithReference("could not show the outcome of a submission", cause)),
      Effect.provide(context)
    )
    yield* background.fork(followUp)

    const elapsed = (yield* Clock.currentTimeMillis) - options.submission.receivedAt
    const early = yield* Fiber.join(decided).pipe(Effect.timeoutOption(Math.max(0, SUBMISSION_BUDGET_MS - elapsed)))
    yield* Deferred.succeed(late, early._tag === "None")
    if (early._tag === "None") return ModalAck.Show({ view: options.pending })
    const outcome = early.value
    return outcome._tag === "Invalid"
      ? ModalAck.Errors({ errors: outcome.errors })
      : ModalAck.Show({ view: outcome.view })
  })
