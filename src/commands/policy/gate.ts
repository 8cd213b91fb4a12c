import { Effect } from "effect"
import type { CommandServices } from "../services.js"
import { PolicyGate } from "../../policies/PolicyGate.js"
import type { Action } from "../../policies/policy.js"
import type { GateTarget, Handler, SubmissionHandler, Target } from "../../runtime/feature.js"
import type { ButtonClick, SlashInvocation, ViewSubmission } from "../../runtime/interaction/Interaction.js"
import { ModalAck } from "../../runtime/replies/ModalAck.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { refusalMessage, refusalModal } from "./policyView.js"

/**
 * The one policy check, run by the router before any handler: every typed command, every click
 * (shortcuts, menus and picker choices re-enter through the checked subcommands; confirmations are
 * checked against the stored change) and every modal submission. A refusal sends nothing to Scalingo.
 */
const refusalFor = (channelId: string | undefined, target: GateTarget) =>
  Effect.gen(function* () {
    const gate = yield* PolicyGate
    const channel = target.channelId ?? channelId
    const verdict = yield* gate.check(channel, target)
    if (verdict._tag === "Allowed") return undefined
    yield* Effect.logInfo("refused by the channel's policy").pipe(
      Effect.annotateLogs({ policy_action: target.action, refused_because: verdict.because })
    )
    return refusalMessage(verdict, channel, gate.botAdmins)
  })

/** A command checked as the change its declaration names (or reading), on the app its first argument names. */
export const gateSubcommand =
  (
    action: Action,
    appOf: (args: ReadonlyArray<string>) => string | undefined,
    handler: Handler<SlashInvocation, CommandServices>
  ) =>
  (invocation: SlashInvocation, args: ReadonlyArray<string>) =>
    Effect.flatMap(refusalFor(invocation.channelId, { action, app: appOf(args) }), (refused) =>
      refused === undefined ? handler(invocation, args) : Effect.succeed(Reply.Private({ message: refused }))
    )

export const gateButton =
  (
    target: Target<ButtonClick, CommandServices>,
    handler: Handler<ButtonClick, CommandServices>
  ): Handler<ButtonClick, CommandServices> =>
  (click, args) =>
    Effect.gen(function* () {
      const found = yield* target(click)
      const refused = found === undefined ? undefined : yield* refusalFor(click.channelId, found)
      return refused === undefined ? yield* handler(click, args) : Reply.Private({ message: refused })
    })

export const gateSubmission =
  (
    target: Target<ViewSubmission, CommandServices>,
    handler: SubmissionHandler<CommandServices>
  ): SubmissionHandler<CommandServices> =>
  (submission) =>
    Effect.gen(function* () {
      const found = yield* target(submission)
      const refused = found === undefined ? undefined : yield* refusalFor(undefined, found)
      return refused === undefined ? yield* handler(submission) : ModalAck.Show({ view: refusalModal(refused) })
    })

/** Every button whose target is declared, behind the check. */
export const gateButtons = (
  buttons: Readonly<Record<string, Handler<ButtonClick, CommandServices>>>,
  targets: Readonly<Record<string, Target<ButtonClick, CommandServices>>>
): Record<string, Handler<ButtonClick, CommandServices>> =>
  Object.fromEntries(
    Object.entries(buttons).map(([id, handler]) => [
      id,
      Object.hasOwn(targets, id) ? gateButton(targets[id]!, handler) : handler
    ])
  )

/** Every modal submission whose target is declared, behind the check. */
export const gateSubmissions = (
  submissions: Readonly<Record<string, SubmissionHandler<CommandServices>>>,
  targets: Readonly<Record<string, Target<ViewSubmission, CommandServices>>>
): Record<string, SubmissionHandler<CommandServices>> =>
  Object.fromEntries(
    Object.entries(submissions).map(([id, handler]) => [
      id,
      Object.hasOwn(targets, id) ? gateSubmission(targets[id]!, handler) : handler
    ])
  )
