import { Effect } from "effect"
import { type PendingChange, PendingChanges } from "../../storage/PendingChanges.js"
import { changeFailure } from "../errorMessages.js"
import type { Person } from "../interaction/Interaction.js"
import { announceAndFollow } from "./announce.js"
import { decidedMessage } from "./confirmationView.js"
import type { ChangeKinds } from "./kinds.js"
import { progressMessage } from "./progressView.js"
import { sendChange } from "./sendConfirmed.js"

/** Who confirmed a change, and the command name for sentences. */
export interface Confirmer {
  readonly person: Person
  readonly command: string
}

/**
 * Carries out a confirmed change, whatever its kind: it runs once per confirmation, after the atomic
 * claim, with the confirmer's own account, tells the channel and follows the change's status there,
 * and answers with what the question becomes (sent, or why not).
 */
export const carryOut = <C extends { readonly _tag: string }>(
  kinds: ChangeKinds<C>,
  stored: PendingChange,
  change: C,
  confirmer: Confirmer
) =>
  Effect.gen(function* () {
    const kind = kinds.kindOf(change)
    const target = { app: stored.app, region: stored.region }
    const sent = yield* sendChange(kind, { change, target, channelId: stored.channelId }, confirmer).pipe(Effect.either)
    // Its answer is known (sent, refused, or lost and said so): a later click no longer calls it unknown.
    yield* (yield* PendingChanges)
      .markSent(stored.teamId, stored.id)
      .pipe(Effect.catchAll((error) => Effect.logWarning("could not record a sent change", { reason: error.reason })))
    if (sent._tag === "Left") return changeFailure(kind.words.noun, stored.app, sent.left, confirmer.command)
    if (kind.afterSent !== undefined) {
      yield* kind.afterSent(change, {
        ...target,
        teamId: stored.teamId,
        channelId: stored.channelId,
        userId: confirmer.person.userId,
        account: sent.right.account
      })
    }
    const what = kind.what(change, target)
    yield* announceAndFollow({
      channel: stored.channelId,
      poll: kind.progress(sent.right.result, target, sent.right.account),
      render: (progress) =>
        progressMessage(
          kind.words,
          confirmer.person.userId,
          what,
          `\`${confirmer.command} info ${stored.app}\``,
          progress
        )
    })
    // Sent is not done: the done mark is the channel message's, once Scalingo says so.
    return decidedMessage(
      `:outbox_tray: Confirmed and sent to Scalingo: ${kind.words.ongoing} ${what}. ` +
        "The channel message follows it until Scalingo says it is done."
    )
  })
