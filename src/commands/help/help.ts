import { Effect } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import { closestNames, type CommandInfo, findCommand } from "../../runtime/declarations.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { commandHelpMessage, didYouMeanMessage, helpMessage, looksSecret } from "./helpView.js"

/** The declared commands, read when asked (the catalogue holds `help` itself). */
export type Catalogue = () => ReadonlyArray<CommandInfo>

/** A word the bot does not know: the commands it is close to, or the short help when it is close to none. */
export const unknownWordMessage = (command: string, commands: ReadonlyArray<CommandInfo>, typed: string): Message => {
  if (looksSecret(typed)) return helpMessage(command, commands, typed)
  const meant = closestNames(
    typed,
    commands.map((c) => c.word)
  ).flatMap((word) => findCommand(commands, word) ?? [])
  return meant.length > 0 ? didYouMeanMessage(command, typed, meant) : helpMessage(command, commands, typed)
}

/** `help`, `help <command>`, or an unknown first word: privately. */
export const help = (catalogue: Catalogue) => (invocation: SlashInvocation, args: ReadonlyArray<string>) =>
  Effect.sync(() => {
    const commands = catalogue()
    const [asked] = args
    const about = asked === undefined ? undefined : findCommand(commands, asked.toLowerCase())
    const shown =
      asked === undefined
        ? helpMessage(invocation.command, commands)
        : about !== undefined
          ? commandHelpMessage(invocation.command, about)
          : unknownWordMessage(invocation.command, commands, asked)
    return Reply.Private({ message: shown })
  })

/** Nothing typed, or a first word the bot does not know. */
export const unknownCommand = (catalogue: Catalogue) => (invocation: SlashInvocation, typed: string | undefined) =>
  Effect.sync(() =>
    Reply.Private({
      message:
        typed === undefined
          ? helpMessage(invocation.command, catalogue())
          : unknownWordMessage(invocation.command, catalogue(), typed)
    })
  )
