import type { Effect } from "effect"
import type { Accounts } from "../accounts/Accounts.js"
import type { AppDirectory } from "../accounts/AppDirectory.js"
import type { Background } from "../Background.js"
import type { PolicyGate } from "../policies/PolicyGate.js"
import type { Intent } from "../policies/policy.js"
import type { ScalingoServices } from "../scalingo/ScalingoLive.js"
import type { Storage } from "../storage/StorageLive.js"
import type { WatchSettings } from "../watch/WatchSettings.js"
import type { ChangeExecutor } from "./changes/executors.js"
import type { ButtonClick, SlashInvocation, ViewSubmission } from "./interaction/Interaction.js"
import type { ModalAck } from "./replies/ModalAck.js"
import type { Conversation, Replies } from "./replies/Replies.js"
import type { Reply } from "./replies/Reply.js"

/** Every service a command may use; each handler's requirements must fit in it. */
export type CommandServices =
  | Replies
  | Background
  | Accounts
  | AppDirectory
  | ScalingoServices
  | Storage
  | WatchSettings
  | PolicyGate

/** What a click or a submission is about to do and for which channel, for the channel's policy. */
export interface GateTarget extends Intent {
  /** The channel the change acts for (a stored change's own); the interaction's when absent. */
  readonly channelId?: string | undefined
}

/** How the router finds what a click or submission does; undefined leaves a stale value to its handler. */
export type Target<I> = (input: I) => Effect.Effect<GateTarget | undefined, unknown, CommandServices>

export type Handler<I> = (
  input: I,
  args: ReadonlyArray<string>
) => Effect.Effect<Reply | ReadonlyArray<Reply>, unknown, CommandServices | Conversation>

export type SubmissionHandler = (
  submission: ViewSubmission
) => Effect.Effect<ModalAck, unknown, CommandServices | Conversation>

/**
 * What one feature folder offers the router: its subcommands (by first word), the buttons and menus
 * it answers (by action id) and its modals (by callback id). The router merges them once.
 */
export interface Feature {
  readonly subcommands?: Readonly<Record<string, Handler<SlashInvocation>>>
  /** Subcommands whose first word is an app: logged with it. */
  readonly aboutAnApp?: ReadonlyArray<string>
  /** Subcommands that cannot go on without an app: offered the app picker when none is named. */
  readonly needsAnApp?: ReadonlyArray<string>
  readonly buttons?: Readonly<Record<string, Handler<ButtonClick>>>
  readonly submissions?: Readonly<Record<string, SubmissionHandler>>
  /** What carries out each kind of confirmed change this feature asks for (by the change's action). */
  readonly executors?: Readonly<Record<string, ChangeExecutor>>
  /**
   * What a button does, for the channel's policy (by action id). Buttons not named here only read, or
   * run a subcommand, which is checked as typed.
   */
  readonly buttonTargets?: Readonly<Record<string, Target<ButtonClick>>>
  /** What a modal's submission does, for the channel's policy (by callback id). */
  readonly submissionTargets?: Readonly<Record<string, Target<ViewSubmission>>>
}
