import { Effect } from "effect"
import { actionName } from "../blockKit/uniqueIds.js"
import { isPathSafeAppName } from "../scalingo/appName.js"
import type { Feature, Handler, SubmissionHandler } from "../runtime/feature.js"
import { type CommandInfo, findCommand } from "../runtime/declarations.js"
import type { CommandServices } from "./services.js"
import type { ButtonClick, OptionsRequest, SlashInvocation } from "../runtime/interaction/Interaction.js"
import { serve } from "../runtime/interaction/serve.js"
import { handleSubmissionWith } from "../runtime/modals/handleSubmission.js"
import { pickerFeature } from "./picker/index.js"
import { changesFeature } from "../runtime/changes/index.js"
import { changeKinds } from "./changeKinds.js"
import { shortcutsFeature } from "./shortcuts/shortcuts.js"
import { gateButtons, gateSubcommand, gateSubmissions } from "./policy/gate.js"
import { pickerOptions } from "./picker/picker.js"
import { APP_PICKER_ACTION, pickerMessage } from "./picker/pickerView.js"
import { Reply } from "../runtime/replies/Reply.js"
import { COMMANDS, FEATURES } from "./catalogue.js"
import { unknownCommand } from "./help/help.js"
import { suggestingApps } from "./help/suggestApps.js"
import { RETRY_ACTION } from "../runtime/references.js"

export type { CommandServices } from "./services.js"

const merge = <A>(
  pick: (feature: Feature<CommandServices>) => Readonly<Record<string, A>> | undefined
): Record<string, A> => Object.assign({}, ...FEATURES.map((feature) => pick(feature) ?? {}))

/** The app a command's words name, for the channel's policy. */
const appNamed = (command: CommandInfo) => (args: ReadonlyArray<string>) =>
  command.app !== "none" && namesAnApp(args[0]) ? args[0]!.toLowerCase() : undefined

/**
 * Every declared command behind the channel's policy check (and, when it names an app, suggesting the
 * person's apps for a name they cannot see); the picker and shortcuts re-enter through these, so a menu
 * item or a picked app is checked exactly as if it had been typed.
 */
export const subcommands: Readonly<Record<string, Handler<SlashInvocation, CommandServices>>> = Object.fromEntries(
  COMMANDS.map((command) => [
    command.word,
    gateSubcommand(
      command.policy,
      appNamed(command),
      command.app === "none" ? command.handler : suggestingApps(command.word, command.handler)
    )
  ])
)
const runnableBy = (allowed: (command: CommandInfo) => boolean) =>
  Object.fromEntries(COMMANDS.filter(allowed).map((command) => [command.word, subcommands[command.word]!]))

const changes = changesFeature(changeKinds)
const buttonTargets = { ...merge((f) => f.buttonTargets), ...changes.buttonTargets }
const buttons: Readonly<Record<string, Handler<ButtonClick, CommandServices>>> = gateButtons(
  {
    ...merge((f) => f.buttons),
    ...pickerFeature(runnableBy((command) => command.app === "required")).buttons,
    ...shortcutsFeature(
      runnableBy((command) => command.fromButtons),
      runnableBy((command) => command.word !== "login")
    ).buttons,
    ...changes.buttons
  },
  buttonTargets
)
export const submissions: Readonly<Record<string, SubmissionHandler<CommandServices>>> = gateSubmissions(
  merge((f) => f.submissions),
  merge((f) => f.submissionTargets)
)

/** A modal submission; always answers (an unexpected failure closes the modal after logging). */
export const handleViewSubmission = handleSubmissionWith(submissions)

export const BUTTON_ACTIONS: ReadonlyArray<string> = Object.keys(buttons)
export const VIEW_CALLBACKS: ReadonlyArray<string> = Object.keys(submissions)

/** An option of a select whose options the bot serves (the app picker). */
export interface SelectOption {
  readonly text: { readonly type: "plain_text"; readonly text: string }
  readonly value: string
}

/** Slack allows up to 4,000 characters of text; anything past this is never a real command. */
const MAX_TEXT = 4_000

export const parseWords = (text: string): ReadonlyArray<string> =>
  text
    .slice(0, MAX_TEXT)
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)

/** The first word names an app (not `web:2`, not nothing). */
const namesAnApp = (word: string | undefined) => word !== undefined && !word.includes(":") && isPathSafeAppName(word)

const answerUnknown = unknownCommand(() => COMMANDS)

/** The slash command, routed by its first word; help for empty or unknown words; the picker for a missing app. */
export const handleSlashCommand = (invocation: SlashInvocation) => {
  const [first, ...args] = parseWords(invocation.text)
  const word = first?.toLowerCase()
  const declared = word === undefined ? undefined : findCommand(COMMANDS, word)
  const known = declared?.word
  const pick = declared?.app === "required" && !namesAnApp(args[0])
  const handler: Handler<SlashInvocation, CommandServices> =
    declared === undefined
      ? () => answerUnknown(invocation, first)
      : pick
        ? // Checked before the picker is offered: a change the channel refuses is refused at once.
          gateSubcommand(
            declared.policy,
            () => undefined,
            () =>
              Effect.sync(() =>
                Reply.Private({ message: pickerMessage(invocation.command, { s: declared.word, w: args }) })
              )
          )
        : subcommands[declared.word]!
  const app = declared !== undefined && declared.app !== "none" && namesAnApp(args[0]) ? args[0] : undefined
  return serve(
    {
      what: "command handled",
      span: "SlashCommand",
      workingNote: true,
      name: ["subcommand", known ?? (word === undefined ? "help" : "unknown")],
      command: invocation.command,
      app,
      retry: known !== undefined && !pick ? invocation.text : undefined,
      origin: {
        person: invocation.person,
        channelId: invocation.channelId,
        responseUrl: invocation.responseUrl,
        triggerId: invocation.triggerId,
        receivedAt: invocation.receivedAt
      }
    },
    // Suspended: a handler that throws while building its effect is a defect serve() answers, not a crash.
    Effect.suspend(() => handler(invocation, args))
  )
}

/**
 * A click on one of the bot's buttons or menus, routed by the action's name (a button sharing its block
 * with others of its kind carries a suffix); unknown ids (links, stale messages) are ignored.
 */
export const handleButton = (clicked: ButtonClick) => {
  const click: ButtonClick = { ...clicked, actionId: actionName(clicked.actionId) }
  if (!Object.hasOwn(buttons, click.actionId)) {
    return Effect.logDebug("ignored an unknown action", { action: click.actionId.slice(0, 80) })
  }
  return serve(
    {
      what: "click handled",
      span: "ButtonClick",
      name: ["action", click.actionId],
      command: click.command,
      // The picker's message is replaced by the answer of the command it carried on.
      placeholderShown: click.actionId === APP_PICKER_ACTION,
      retry: click.actionId === RETRY_ACTION ? click.value : undefined,
      origin: {
        person: click.person,
        channelId: click.channelId,
        responseUrl: click.responseUrl,
        triggerId: click.triggerId,
        messageTs: click.message?.ts,
        messageEphemeral: click.message?.ephemeral,
        viewId: click.viewId,
        receivedAt: click.receivedAt
      }
    },
    Effect.suspend(() => buttons[click.actionId]!(click, []))
  )
}

/** Options for a select the bot serves; always answers (no options when anything goes wrong). */
export const handleOptions = (
  request: OptionsRequest
): Effect.Effect<ReadonlyArray<SelectOption>, never, CommandServices> =>
  actionName(request.actionId) === APP_PICKER_ACTION
    ? pickerOptions(request).pipe(
        Effect.annotateLogs({ slack_team: request.person.teamId, slack_user: request.person.userId })
      )
    : Effect.succeed([])

export { handleHomeOpened } from "./home/opened.js"
