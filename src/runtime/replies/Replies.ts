import { Context, Effect } from "effect"
import type { Person } from "../interaction/Interaction.js"
import type { Reply, ReplyFailed, Shown } from "./Reply.js"

/** Where an interaction came from: what the interpreter needs to answer it in the right place. */
export interface Origin {
  readonly person: Person
  readonly channelId?: string | undefined
  readonly responseUrl?: string | undefined
  readonly triggerId?: string | undefined
  /** The clicked message, when the interaction is a click in a message. */
  readonly messageTs?: string | undefined
  readonly messageEphemeral?: boolean | undefined
  readonly viewId?: string | undefined
  /** When Slack's request arrived (epoch ms): a trigger_id lives 3 s from then. */
  readonly receivedAt?: number | undefined
}

/** The port the Slack side implements (one interpreter for every reply), and tests record. */
export class Replies extends Context.Tag("bot/commands/Replies")<
  Replies,
  { readonly show: (origin: Origin, reply: Reply) => Effect.Effect<Shown, ReplyFailed> }
>() {}

/** The current interaction's replies: `show` answers where the interaction came from. */
export class Conversation extends Context.Tag("bot/commands/Conversation")<
  Conversation,
  { readonly origin: Origin; readonly show: (reply: Reply) => Effect.Effect<Shown, ReplyFailed> }
>() {}

/** Shows a reply in the current interaction's conversation. */
export const show = (reply: Reply): Effect.Effect<Shown, ReplyFailed, Conversation> =>
  Effect.flatMap(Conversation, (conversation) => conversation.show(reply))

/** Binds the interpreter to one interaction. */
export const conversationFor = (origin: Origin) =>
  Effect.map(Replies, (replies) => Conversation.of({ origin, show: (reply) => replies.show(origin, reply) }))
