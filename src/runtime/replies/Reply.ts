import { Data } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import type { HomeView, View } from "../../blockKit/views.js"

/**
 * What a command wants shown, as a value. Commands never talk to Slack: they return replies (or
 * show them through `Conversation`), and the Slack side's interpreter sends each one with the right
 * Web API call and fallback. Tests record them instead.
 */
export type Reply = Data.TaggedEnum<{
  /** To the person who asked only (ephemeral); `replace` replaces the answer or clicked message. */
  Private: { readonly message: Message; readonly replace?: boolean }
  /**
   * A message in the channel (the interaction's unless given), or in a thread. When the bot cannot
   * post there, `orPrivately` (given Slack's reason) is shown to the person instead.
   */
  Post: {
    readonly message: Message
    readonly channel?: string
    readonly threadTs?: string
    readonly orPrivately?: (reason: string) => Message
  }
  /** Edits a message the bot posted (progress, final state). */
  Update: { readonly channel: string; readonly ts: string; readonly message: Message }
  /** Replaces the message that holds the clicked button (its buttons go with it). */
  ReplaceClicked: { readonly message: Message }
  /** Opens a modal on the interaction's trigger. */
  OpenModal: { readonly view: View }
  /** Replaces a modal's content (the interaction's modal unless `viewId` is given). */
  UpdateModal: { readonly view: View; readonly viewId?: string }
  /** A direct message from the bot to the person, optionally with a file (long logs). */
  DirectMessage: {
    readonly message: Message
    readonly file?: { readonly filename: string; readonly title: string; readonly content: string }
  }
  /** A file in a channel (the interaction's unless given), or in a thread: long build logs. */
  File: {
    readonly filename: string
    readonly title: string
    readonly content: string
    readonly channel?: string
    readonly threadTs?: string
    readonly comment?: string
  }
  /** The person's App Home tab. */
  PublishHome: { readonly view: HomeView }
  // biome-ignore lint/complexity/noBannedTypes: a variant without fields
  Nothing: {}
}>

export const Reply = Data.taggedEnum<Reply>()

/** What showing a reply produced: where a posted message now lives, or which modal was opened. */
export interface Shown {
  readonly channel?: string
  readonly ts?: string
  readonly viewId?: string
  /** The reply could not go where it was meant to and was shown privately instead. */
  readonly privately?: boolean
}

/** Slack refused to show a reply; `code` is Slack's reason (`channel_not_found`, `expired_trigger_id`…). */
export class ReplyFailed extends Data.TaggedError("ReplyFailed")<{ readonly method: string; readonly code: string }> {
  override get message() {
    return `Slack ${this.method} failed: ${this.code}`
  }
}
