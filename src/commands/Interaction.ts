import { Context } from "effect"
/** Who is asking, and from where: the plain values commands receive instead of Bolt objects. */
export interface Person {
  readonly teamId: string
  readonly userId: string
  readonly userName: string
}

export interface SlashInvocation {
  readonly person: Person
  readonly command: string
  readonly channelId: string
  readonly text: string
  readonly triggerId: string
  readonly responseUrl: string
}

/** A button click in a message; `responseUrl` answers the clicker privately. */
export interface ButtonClick {
  readonly person: Person
  /** The slash command the bot answers to, for sentences that name it. */
  readonly command: string
  readonly actionId: string
  readonly value: string
  readonly channelId: string | undefined
  readonly messageTs: string | undefined
  readonly threadTs: string | undefined
  readonly responseUrl: string | undefined
}

/** A modal submission: the view as Slack sent it back, with the values typed into it. */
export interface ViewSubmission {
  readonly person: Person
  /** The slash command the bot answers to, for sentences that name it. */
  readonly command: string
  readonly viewId: string
  readonly callbackId: string
  readonly privateMetadata: string
  readonly values: Readonly<
    Record<
      string,
      Readonly<
        Record<string, { readonly value?: string | null; readonly selected_option?: { readonly value: string } | null }>
      >
    >
  >
}

/** What a view submission answers within Slack's 3 seconds (Bolt's ack body). */
export type ViewAck =
  | { readonly response_action: "errors"; readonly errors: Record<string, string> }
  | { readonly response_action: "update"; readonly view: import("../slack/blocks.js").View }
  | { readonly response_action: "clear" }
  | undefined

/** A field's typed or selected text; anything that is not a string (a forged or broken payload) counts as empty. */
export const inputValue = (submission: ViewSubmission, blockId: string, actionId: string): string | undefined => {
  const field = submission.values[blockId]?.[actionId]
  const value: unknown = field?.value ?? field?.selected_option?.value
  return typeof value === "string" ? value : undefined
}

/**
 * The slash command the person typed (or, for clicks and modals, the one the bot answers to), so
 * sentences name it ("run `/scalingo login`"). The router provides it from the interaction.
 */
export class CommandName extends Context.Reference<CommandName>()("bot/commands/CommandName", {
  defaultValue: () => "/scalingo"
}) {}
