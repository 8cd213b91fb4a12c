import { Cause, Effect } from "effect"
import type { Background } from "../Background.js"
import type { AppsApi } from "../scalingo/AppsApi.js"
import type { BearerTokens } from "../scalingo/BearerTokens.js"
import type { EventsApi } from "../scalingo/EventsApi.js"
import type { Regions } from "../scalingo/Regions.js"
import type { UsersApi } from "../scalingo/UsersApi.js"
import { SlackWeb } from "../slack/SlackWeb.js"
import type { AccountLinks } from "../storage/AccountLinks.js"
import type { Accounts } from "./Accounts.js"
import type { SubmissionClaims } from "../storage/SubmissionClaims.js"
import { logout, whoami } from "./account.js"
import { apps, appsPage } from "./apps.js"
import { APPS_PAGE_ACTION } from "./appsView.js"
import { createApp, submitCreateApp } from "./createApp.js"
import { CREATE_CALLBACK } from "./createAppViews.js"
import { failureMessage, logWithReference } from "./errorMessages.js"
import { events, eventsPage } from "./events.js"
import { EVENTS_PAGE_ACTION } from "./eventsView.js"
import { helpMessage } from "./help.js"
import {
  type ButtonClick,
  CommandName,
  type SlashInvocation,
  type ViewAck,
  type ViewSubmission
} from "./Interaction.js"
import { login, submitLogin } from "./login.js"
import { LOGIN_CALLBACK } from "./loginViews.js"

/** Slack allows up to 4,000 characters of text; anything past this is never a real command. */
const MAX_TEXT = 4_000

export const parseWords = (text: string): ReadonlyArray<string> =>
  text
    .slice(0, MAX_TEXT)
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)

const help = (invocation: SlashInvocation, unknownWord?: string) =>
  Effect.flatMap(SlackWeb, (slack) =>
    slack.respond(invocation.responseUrl, { message: helpMessage(invocation.command, unknownWord) })
  )

/** Every service a command may use; each handler's requirements must fit in it. */
export type CommandServices =
  | SlackWeb
  | Background
  | Accounts
  | AccountLinks
  | SubmissionClaims
  | BearerTokens
  | UsersApi
  | Regions
  | AppsApi
  | EventsApi

type SlashHandler = (
  invocation: SlashInvocation,
  args: ReadonlyArray<string>
) => Effect.Effect<void, unknown, CommandServices>

const subcommands: Record<"help" | "login" | "logout" | "whoami" | "apps" | "create" | "events", SlashHandler> = {
  help: (invocation: SlashInvocation) => help(invocation),
  login,
  logout,
  whoami,
  apps,
  create: createApp,
  events
}

type Subcommand = keyof typeof subcommands
const isSubcommand = (word: string): word is Subcommand => Object.hasOwn(subcommands, word)

/** Every failure ends here: logged, and told to the person privately as a sentence. Never rethrows. */
const answerFailures =
  (responseUrl: string | undefined) =>
  <R>(effect: Effect.Effect<void, unknown, R>) =>
    effect.pipe(
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.void
          : Effect.gen(function* () {
              const slackCommand = yield* CommandName
              const reply = yield* failureMessage(cause, slackCommand)
              if (responseUrl !== undefined)
                yield* Effect.flatMap(SlackWeb, (slack) => slack.respond(responseUrl, { message: reply }))
            })
      ),
      Effect.catchAllCause((cause) =>
        Effect.asVoid(logWithReference("could not tell the person about a failure", cause))
      )
    )

/** Who the work is for (in every log line) and the command name sentences should use. */
const annotate =
  (interaction: { readonly person: { teamId: string; userId: string }; readonly command: string }) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    effect.pipe(
      Effect.provideService(CommandName, interaction.command),
      Effect.annotateLogs({ slack_team: interaction.person.teamId, slack_user: interaction.person.userId })
    )

/** The slash command, routed by its first word; help for empty or unknown words. */
export const handleSlashCommand = (invocation: SlashInvocation) => {
  const [first, ...args] = parseWords(invocation.text)
  const word = first?.toLowerCase()
  const run =
    word === undefined
      ? help(invocation)
      : isSubcommand(word)
        ? subcommands[word](invocation, args)
        : help(invocation, first)
  return run.pipe(
    Effect.withSpan("SlashCommand", {
      attributes: { subcommand: word !== undefined && isSubcommand(word) ? word : "help" }
    }),
    answerFailures(invocation.responseUrl),
    Effect.zipLeft(
      Effect.logInfo("command handled", { subcommand: word !== undefined && isSubcommand(word) ? word : "help" })
    ),
    annotate(invocation)
  )
}

type ButtonHandler = (click: ButtonClick) => Effect.Effect<void, unknown, CommandServices>
const buttons: Record<string, ButtonHandler> = { [APPS_PAGE_ACTION]: appsPage, [EVENTS_PAGE_ACTION]: eventsPage }

export const BUTTON_ACTIONS: ReadonlyArray<string> = Object.keys(buttons)

export const handleButton = (click: ButtonClick) => {
  const handler = Object.hasOwn(buttons, click.actionId) ? buttons[click.actionId] : undefined
  const run =
    handler === undefined
      ? Effect.logDebug("ignored an unknown action", { action: click.actionId.slice(0, 80) })
      : handler(click)
  return run.pipe(answerFailures(click.responseUrl), annotate(click))
}

type SubmissionHandler = (submission: ViewSubmission) => Effect.Effect<ViewAck, unknown, CommandServices>
const submissions: Record<string, SubmissionHandler> = {
  [LOGIN_CALLBACK]: submitLogin,
  [CREATE_CALLBACK]: submitCreateApp
}

export const VIEW_CALLBACKS: ReadonlyArray<string> = Object.keys(submissions)

/** A modal submission; always answers (an unexpected failure closes the modal after logging). */
export const handleViewSubmission = (submission: ViewSubmission): Effect.Effect<ViewAck, never, CommandServices> => {
  const handler = Object.hasOwn(submissions, submission.callbackId) ? submissions[submission.callbackId] : undefined
  if (handler === undefined) return Effect.succeed(undefined)
  return handler(submission).pipe(
    Effect.catchAllCause((cause) => Effect.as(logWithReference("modal submission failed", cause), undefined)),
    annotate(submission)
  )
}
