import type { Effect } from "effect"
import type { Accounts } from "../accounts/Accounts.js"
import type { AppDirectory } from "../accounts/AppDirectory.js"
import type { Background } from "../Background.js"
import type { PolicyGate } from "../policies/PolicyGate.js"
import type { Intent } from "../policies/policy.js"
import type { ScalingoServices } from "../scalingo/ScalingoLive.js"
import type { KnownError } from "./sentences/knownErrors.js"
import type { Storage } from "../storage/StorageLive.js"
import type { CommandDeclaration } from "./declarations.js"
import type { ButtonClick, ViewSubmission } from "./interaction/Interaction.js"
import type { ModalAck } from "./replies/ModalAck.js"
import type { Conversation, Replies } from "./replies/Replies.js"
import type { Reply } from "./replies/Reply.js"

/**
 * The services the runtime and the layers below it offer every command. A feature area that reads
 * settings of its own (watching) widens `R` with them; the router's `CommandServices` is the union.
 */
export type RuntimeServices = Replies | Background | Accounts | AppDirectory | ScalingoServices | Storage | PolicyGate

/** What a click or a submission is about to do and for which channel, for the channel's policy. */
export interface GateTarget extends Intent {
  /** The channel the change acts for (a stored change's own); the interaction's when absent. */
  readonly channelId?: string | undefined
}

/** How the router finds what a click or submission does; undefined leaves a stale value to its handler. */
export type Target<I, R = RuntimeServices> = (input: I) => Effect.Effect<GateTarget | undefined, KnownError, R>

export type Handler<I, R = RuntimeServices> = (
  input: I,
  args: ReadonlyArray<string>
) => Effect.Effect<Reply | ReadonlyArray<Reply>, KnownError, R | Conversation>

export type SubmissionHandler<R = RuntimeServices> = (
  submission: ViewSubmission
) => Effect.Effect<ModalAck, KnownError, R | Conversation>

/**
 * What one feature folder offers the router: its commands (declared), the buttons and menus
 * it answers (by action id) and its modals (by callback id). The router merges them once.
 */
export interface Feature<R = RuntimeServices> {
  /** Its commands, each declared once (words, help, policy, picker, shortcuts, handler). */
  readonly commands?: ReadonlyArray<CommandDeclaration<R>>
  readonly buttons?: Readonly<Record<string, Handler<ButtonClick, R>>>
  readonly submissions?: Readonly<Record<string, SubmissionHandler<R>>>
  /**
   * What a button does, for the channel's policy (by action id). Buttons not named here only read, or
   * run a subcommand, which is checked as typed.
   */
  readonly buttonTargets?: Readonly<Record<string, Target<ButtonClick, R>>>
  /** What a modal's submission does, for the channel's policy (by callback id). */
  readonly submissionTargets?: Readonly<Record<string, Target<ViewSubmission, R>>>
}
