import { Effect } from "effect"
import { isPathSafeAppName } from "../scalingo/appName.js"
import { accountFeature } from "./account/index.js"
import { appsFeature } from "./apps/index.js"
import { createFeature } from "./create/index.js"
import { eventsFeature } from "./events/index.js"
import type { Feature, Handler, SubmissionHandler } from "../runtime/feature.js"
import type { CommandServices } from "./services.js"
import { help } from "./help/help.js"
import { helpFeature } from "./help/index.js"
import type { ButtonClick, OptionsRequest, SlashInvocation } from "../runtime/interaction/Interaction.js"
import { serve } from "../runtime/interaction/serve.js"
import { handleSubmissionWith } from "../runtime/modals/handleSubmission.js"
import { loginFeature } from "./login/index.js"
import { pickerFeature } from "./picker/index.js"
import { changesFeature } from "../runtime/changes/index.js"
import { changeKinds } from "./changeKinds.js"
import { restartFeature } from "./restart/index.js"
import { scaleFeature } from "./scale/index.js"
import { infoFeature } from "./info/index.js"
import { deploymentsFeature } from "./deployments/index.js"
import { logsFeature } from "./logs/index.js"
import { shortcutsFeature } from "./shortcuts/shortcuts.js"
import { watchFeature } from "../watching/index.js"
import { auditFeature } from "./audit/index.js"
import { homeFeature } from "./home/index.js"
import { gateButtons, gateSubcommand, gateSubmissions } from "./policy/gate.js"
import { policyFeature } from "./policy/index.js"
import { pickerOptions } from "./picker/picker.js"
import { APP_PICKER_ACTION, pickerMessage } from "./picker/pickerView.js"
import { Reply } from "../runtime/replies/Reply.js"

export type { CommandServices } from "./services.js"

/** Every feature folder, merged once: subcommands, buttons and modals by their ids. */
const features: ReadonlyArray<Feature<CommandServices>> = [
  helpFeature,
  loginFeature,
  accountFeature,
  appsFeature,
  createFeature,
  eventsFeature,
  restartFeature,
  scaleFeature,
  infoFeature,
  deploymentsFeature,
  logsFeature,
  watchFeature,
  policyFeature,
  auditFeature,
  homeFeature
]

const merge = <A>(
  pick: (feature: Feature<CommandServices>) => Readonly<Record<string, A>> | undefined
): Record<string, A> => Object.assign({}, ...features.map((feature) => pick(feature) ?? {}))

const aboutAnApp = new Set(features.flatMap((f) => f.aboutAnApp ?? []))
/** Commands that cannot go on without an app (the others, like `events`, have a meaning without one). */
const needsAnApp = new Set(features.flatMap((f) => f.needsAnApp ?? []))
/** The app a subcommand's words name, for the channel's policy. */
const appNamed = (name: string) => (args: ReadonlyArray<string>) =>
  aboutAnApp.has(name) && namesAnApp(args[0]) ? args[0]!.toLowerCase() : undefined
/**
 * Every subcommand behind the channel's policy check; the picker and shortcuts re-enter through these,
 * so a menu item or a picked app is checked exactly as if it had been typed.
 */
export const subcommands: Readonly<Record<string, Handler<SlashInvocation, CommandServices>>> = Object.fromEntries(
  Object.entries(merge((f) => f.subcommands)).map(([name, handler]) => [
    name,
    gateSubcommand(name, appNamed(name), handler)
  ])
)
const changes = changesFeature(changeKinds)
const buttonTargets = { ...merge((f) => f.buttonTargets), ...changes.buttonTargets }
const buttons: Readonly<Record<string, Handler<ButtonClick, CommandServices>>> = gateButtons(
  {
    ...merge((f) => f.buttons),
    ...pickerFeature(subcommands).buttons,
    ...shortcutsFeature(subcommands).buttons,
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

/** The slash command, routed by its first word; help for empty or unknown words; the picker for a missing app. */
export const handleSlashCommand = (invocation: SlashInvocation) => {
  const [first, ...args] = parseWords(invocation.text)
  const word = first?.toLowerCase()
  const known = word !== undefined && Object.hasOwn(subcommands, word) ? word : undefined
  const pick = known !== undefined && needsAnApp.has(known) && !namesAnApp(args[0])
  const handler: Handler<SlashInvocation, CommandServices> =
    known === undefined
      ? () => help(invocation, first)
      : pick
        ? // Checked before the picker is offered: a change the channel refuses is refused at once.
          gateSubcommand(
            known,
            () => undefined,
            () =>
              Effect.sync(() => Reply.Private({ message: pickerMessage(invocation.command, { s: known, w: args }) }))
          )
        : subcommands[known]!
  const app = known !== undefined && aboutAnApp.has(known) && namesAnApp(args[0]) ? args[0] : undefined
  return serve(
    {
      what: "command handled",
      span: "SlashCommand",
      workingNote: true,
      name: ["subcommand", known ?? (word === undefined ? "help" : "unknown")],
      command: invocation.command,
      app,
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

/** A click on one of the bot's buttons or menus; unknown ids (links, stale messages) are ignored. */
export const handleButton = (click: ButtonClick) => {
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
  request.actionId === APP_PICKER_ACTION
    ? pickerOptions(request).pipe(
        Effect.annotateLogs({ slack_team: request.person.teamId, slack_user: request.person.userId })
      )
    : Effect.succeed([])

export { handleHomeOpened } from "./home/opened.js"
