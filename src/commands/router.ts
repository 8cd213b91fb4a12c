import { Effect } from "effect"
import type { Accounts } from "../accounts/Accounts.js"
import type { Background } from "../Background.js"
import type { AppsApi } from "../scalingo/AppsApi.js"
import { isPathSafeAppName } from "../scalingo/appName.js"
import type { EventsApi } from "../scalingo/EventsApi.js"
import type { Regions } from "../scalingo/Regions.js"
import type { SubmissionClaims } from "../storage/SubmissionClaims.js"
import { logout, whoami } from "./account/account.js"
import { apps, appsPage } from "./apps/apps.js"
import { APPS_PAGE_ACTION } from "./apps/appsView.js"
import { createApp } from "./create/createApp.js"
import { CREATE_CALLBACK } from "./create/createViews.js"
import { submitCreateApp } from "./create/submitCreateApp.js"
import { logWithReference } from "./errorMessages.js"
import { events } from "./events/events.js"
import { EVENTS_PAGE_ACTION } from "./events/eventsCursor.js"
import { eventsPage } from "./events/eventsPage.js"
import { help } from "./help/help.js"
import { type ButtonClick, CommandName, type SlashInvocation, type ViewSubmission } from "./interaction/Interaction.js"
import { serve } from "./interaction/serve.js"
import { login } from "./login/login.js"
import { LOGIN_CALLBACK } from "./login/loginViews.js"
import { submitLogin } from "./login/login.js"
import { type ModalAck, toViewAck, type ViewAck } from "./replies/ModalAck.js"
import { Conversation, conversationFor, type Replies } from "./replies/Replies.js"
import type { Reply } from "./replies/Reply.js"

/** Every service a command may use; each handler's requirements must fit in it. */
export type CommandServices = Replies | Background | Accounts | SubmissionClaims | Regions | AppsApi | EventsApi

type Handler<I> = (
  input: I,
  args: ReadonlyArray<string>
) => Effect.Effect<Reply, unknown, CommandServices | Conversation>

const subcommands: Record<string, Handler<SlashInvocation>> = {
  help: (invocation) => help(invocation),
  login,
  logout,
  whoami,
  apps,
  create: createApp,
  events
}

/** Subcommands whose first word is an app: logged with the app it is about. */
const ABOUT_AN_APP = new Set(["events"])

/** Slack allows up to 4,000 characters of text; anything past this is never a real command. */
const MAX_TEXT = 4_000

export const parseWords = (text: string): ReadonlyArray<string> =>
  text
    .slice(0, MAX_TEXT)
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)

/** The slash command, routed by its first word; help for empty or unknown words. */
export const handleSlashCommand = (invocation: SlashInvocation) => {
  const [first, ...args] = parseWords(invocation.text)
  const word = first?.toLowerCase()
  const known = word !== undefined && Object.hasOwn(subcommands, word) ? word : undefined
  const handler = known !== undefined ? subcommands[known]! : () => help(invocation, first)
  const app = known !== undefined && ABOUT_AN_APP.has(known) && isPathSafeAppName(args[0] ?? "") ? args[0] : undefined
  return serve(
    {
      what: "command handled",
      span: "SlashCommand",
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
    handler(invocation, args)
  )
}

const buttons: Record<string, Handler<ButtonClick>> = { [APPS_PAGE_ACTION]: appsPage, [EVENTS_PAGE_ACTION]: eventsPage }

export const BUTTON_ACTIONS: ReadonlyArray<string> = Object.keys(buttons)

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
    buttons[click.actionId]!(click, [])
  )
}

type SubmissionHandler = (
  submission: ViewSubmission
) => Effect.Effect<ModalAck, unknown, CommandServices | Conversation>
const submissions: Record<string, SubmissionHandler> = {
  [LOGIN_CALLBACK]: submitLogin,
  [CREATE_CALLBACK]: submitCreateApp
}

export const VIEW_CALLBACKS: ReadonlyArray<string> = Object.keys(submissions)

/** A modal submission; always answers (an unexpected failure closes the modal after logging). */
export const handleViewSubmission = (submission: ViewSubmission): Effect.Effect<ViewAck, never, CommandServices> => {
  const handler = Object.hasOwn(submissions, submission.callbackId) ? submissions[submission.callbackId] : undefined
  if (handler === undefined) return Effect.succeed(undefined)
  return Effect.gen(function* () {
    const conversation = yield* conversationFor({ person: submission.person, viewId: submission.viewId })
    const ack = yield* handler(submission).pipe(Effect.provideService(Conversation, conversation))
    yield* Effect.logInfo("submission handled").pipe(
      Effect.annotateLogs({ callback: submission.callbackId, ack: ack._tag })
    )
    return toViewAck(ack)
  }).pipe(
    Effect.withSpan("ViewSubmission", { root: true, attributes: { callback: submission.callbackId } }),
    Effect.catchAllCause((cause) => Effect.as(logWithReference("modal submission failed", cause), undefined)),
    Effect.provideService(CommandName, submission.command),
    Effect.annotateLogs({ slack_team: submission.person.teamId, slack_user: submission.person.userId })
  )
}
