import { Context } from "effect"

/** Who is asking, and from where: the plain values commands receive instead of Bolt objects. */
export interface Person {
  readonly teamId: string
  readonly userId: string
  readonly userName: string
}

/** What every interaction carries: who, the slash command the bot answers to, when it arrived. */
interface Common {
  readonly person: Person
  /** The slash command, for sentences that name it ("run `/scalingo login`"). */
  readonly command: string
  /** When Slack's request reached the bot (epoch ms): deadlines count from here, not from later steps. */
  readonly receivedAt: number
}

export interface SlashInvocation extends Common {
  readonly channelId: string
  readonly text: string
  readonly triggerId: string
  readonly responseUrl: string
}

/** The message that holds a clicked button, as Slack sent it back (only for messages, not modals). */
export interface ClickedMessage {
  readonly ts: string
  readonly text: string
  readonly blocks: ReadonlyArray<unknown>
  readonly ephemeral: boolean
}

/** A button or menu choice in a message; `responseUrl` answers the clicker privately. */
export interface ButtonClick extends Common {
  readonly actionId: string
  /** The block holding the button or menu (the app picker keeps its command there). */
  readonly blockId: string
  /** The button's value, or the chosen option's value for menus and selects. */
  readonly value: string
  readonly channelId: string | undefined
  readonly threadTs: string | undefined
  readonly responseUrl: string | undefined
  readonly triggerId: string | undefined
  readonly message: ClickedMessage | undefined
  /** Set when the click happened inside a modal. */
  readonly viewId: string | undefined
}

type FieldValue = {
  readonly value?: string | null
  readonly selected_option?: { readonly value: string } | null
}

/** A modal submission: the view as Slack sent it back, with the values typed into it. */
export interface ViewSubmission extends Common {
  readonly viewId: string
  readonly callbackId: string
  readonly privateMetadata: string
  readonly values: Readonly<Record<string, Readonly<Record<string, FieldValue>>>>
}

/** Slack asking for a select's options as the person types (the app picker): answered within 3 s. */
export interface OptionsRequest extends Common {
  readonly actionId: string
  readonly blockId: string
  /** What the person typed so far. */
  readonly value: string
}

/** A field's typed or selected text; anything that is not a string (a forged payload) counts as empty. */
export const inputValue = (submission: ViewSubmission, blockId: string, actionId: string): string | undefined => {
  const field = submission.values[blockId]?.[actionId]
  const value: unknown = field?.value ?? field?.selected_option?.value
  return typeof value === "string" ? value : undefined
}

/**
 * The slash command the person typed (or, for clicks and modals, the one the bot answers to), so
 * sentences name it. The router provides it from the interaction.
 */
export class CommandName extends Context.Reference<CommandName>()("bot/commands/CommandName", {
  defaultValue: () => "/scalingo"
}) {}
