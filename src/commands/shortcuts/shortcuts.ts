import { Effect } from "effect"
import { isPathSafeAppName } from "../../scalingo/appName.js"
import { staleButton } from "../errorMessages.js"
import type { Feature, Handler } from "../feature.js"
import type { ButtonClick, SlashInvocation } from "../interaction/Interaction.js"
import { Reply } from "../replies/Reply.js"

export const RUN_ACTION = "run_command"

/** The commands a button or menu item may run on an app: reading, or asking to confirm a change. */
const RUNNABLE = new Set(["info", "events", "deployments", "logs", "restart", "scale", "star", "unstar"])
const WORD = /^[a-z0-9][a-z0-9:+_-]{0,62}$/

/** A button's or menu item's value: the words of the command (`restart my-app`), within 75 characters. */
export const runValue = (subcommand: string, app: string): string => `${subcommand} ${app}`

/**
 * A shortcut (an app card's buttons, an apps row's menu): runs the command it names as if the clicker
 * had typed it, with their own account. The value is under the clicker's control, so only the known
 * reading commands and confirmations can be named, on a well-formed app name.
 */
export const shortcutsFeature = (subcommands: Readonly<Record<string, Handler<SlashInvocation>>>): Feature => {
  const run: Handler<ButtonClick> = (click) => {
    const [subcommand = "", app = "", ...rest] = click.value.trim().split(/\s+/)
    const handler =
      RUNNABLE.has(subcommand) && Object.hasOwn(subcommands, subcommand) ? subcommands[subcommand] : undefined
    if (handler === undefined || !isPathSafeAppName(app) || rest.length > 0 || !WORD.test(app)) {
      return Effect.succeed(Reply.Private({ message: staleButton(click.command) }))
    }
    const invocation: SlashInvocation = {
      person: click.person,
      command: click.command,
      receivedAt: click.receivedAt,
      channelId: click.channelId ?? "",
      text: `${subcommand} ${app}`,
      triggerId: click.triggerId ?? "",
      responseUrl: click.responseUrl ?? ""
    }
    return handler(invocation, [app])
  }
  return { buttons: { [RUN_ACTION]: run } }
}
