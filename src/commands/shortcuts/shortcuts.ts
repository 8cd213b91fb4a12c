import { Effect } from "effect"
import type { CommandServices } from "../services.js"
import { isPathSafeAppName } from "../../scalingo/appName.js"
import { staleButton } from "../../runtime/errorMessages.js"
import type { Feature, Handler } from "../../runtime/feature.js"
import type { ButtonClick, SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { RETRY_ACTION, RUN_ACTION } from "../../runtime/references.js"

const WORD = /^[a-z0-9][a-z0-9:+_-]{0,62}$/

const invocationOf = (click: ButtonClick, text: string): SlashInvocation => ({
  person: click.person,
  command: click.command,
  receivedAt: click.receivedAt,
  channelId: click.channelId ?? "",
  text,
  triggerId: click.triggerId ?? "",
  responseUrl: click.responseUrl ?? ""
})

/**
 * A shortcut (an app card's buttons, an apps row's menu): runs the command it names as if the clicker
 * had typed it, with their own account. The value is under the clicker's control, so only the known
 * reading commands and confirmations can be named, on a well-formed app name.
 */
export const shortcutsFeature = (
  /** The commands declared as runnable from buttons: reading, or asking to confirm a change. */
  runnable: Readonly<Record<string, Handler<SlashInvocation, CommandServices>>>,
  /** Every command but those whose words may hold a secret (`login <token>`): what Retry may run again. */
  retryable: Readonly<Record<string, Handler<SlashInvocation, CommandServices>>>
): Feature<CommandServices> => {
  const run: Handler<ButtonClick, CommandServices> = (click) => {
    const [subcommand = "", app = "", ...rest] = click.value.trim().split(/\s+/)
    const handler = Object.hasOwn(runnable, subcommand) ? runnable[subcommand] : undefined
    if (handler === undefined || !isPathSafeAppName(app) || rest.length > 0 || !WORD.test(app)) {
      return Effect.succeed(Reply.Private({ message: staleButton(click.command) }))
    }
    return handler(invocationOf(click, `${subcommand} ${app}`), [app])
  }
  /** Retry: the words of a command that failed, run again as if the clicker had typed them. */
  const retry: Handler<ButtonClick, CommandServices> = (click) => {
    const [subcommand = "", ...args] = click.value.trim().split(/\s+/)
    const word = subcommand.toLowerCase()
    const handler = Object.hasOwn(retryable, word) ? retryable[word] : undefined
    if (handler === undefined) return Effect.succeed(Reply.Private({ message: staleButton(click.command) }))
    return handler(invocationOf(click, click.value.trim()), args)
  }
  return { buttons: { [RUN_ACTION]: run, [RETRY_ACTION]: retry } }
}
