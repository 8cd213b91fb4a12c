import { Effect, Exit, Option, Redacted } from "effect"
import { Background } from "../Background.js"
import { BearerTokens } from "../scalingo/BearerTokens.js"
import { looksLikeApiToken, scalingoAccount } from "../scalingo/ScalingoAccount.js"
import { UsersApi } from "../scalingo/UsersApi.js"
import { escapeMrkdwn, message, section } from "../slack/blocks.js"
import { SlackWeb } from "../slack/SlackWeb.js"
import { AccountLinks } from "../storage/AccountLinks.js"
import { answerInTime } from "./answerInTime.js"
import { failureMessage, failureText, logWithReference } from "./errorMessages.js"
import { inputValue, type Person, type SlashInvocation, type ViewSubmission, CommandName } from "./Interaction.js"
import * as Views from "./loginViews.js"
import { decodeMetadata, encodeMetadata } from "./privateMetadata.js"

/** Checks a token with Scalingo (exchange + users/self) and stores it sealed; nothing is stored on failure. */
const linkToken = Effect.fn("Login.linkToken")(function* (person: Person, apiToken: Redacted.Redacted<string>) {
  const links = yield* AccountLinks
  const users = yield* UsersApi
  const bearers = yield* BearerTokens
  const user = yield* users.self(scalingoAccount(apiToken))
  const previous = yield* links.find(person.teamId, person.userId)
  if (Option.isSome(previous)) yield* bearers.forget(scalingoAccount(previous.value.apiToken))
  yield* links.save({
    teamId: person.teamId,
    userId: person.userId,
    apiToken,
    scalingoUserId: user.id,
    username: user.username,
    email: user.email
  })
  yield* Effect.logInfo("account linked", { scalingo_user: user.id })
  return user
})

const linkedMessage = (username: string, email: string) =>
  message(`Linked to Scalingo account ${username}`, [
    section(
      `:white_check_mark: You now act as the Scalingo account *${escapeMrkdwn(username)}* (${escapeMrkdwn(email)}).`
    )
  ])

/** `login` opens the token form; `login <token>` links without it. Both answer privately. */
export const login = Effect.fn("Login.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const slack = yield* SlackWeb
  const slackCommand = yield* CommandName
  const typed = args[0]
  if (typed === undefined) {
    const metadata = encodeMetadata({ c: invocation.channelId, r: invocation.responseUrl })
    yield* slack.openView(invocation.triggerId, Views.loginForm(metadata))
    return
  }
  const reply = (text: string) => slack.respond(invocation.responseUrl, { message: message(text, [section(text)]) })
  if (!looksLikeApiToken(typed)) return yield* reply(`:warning: ${Views.TOKEN_SHAPE_PROBLEM}`)
  const outcome = yield* Effect.exit(linkToken(invocation.person, Redacted.make(typed)))
  if (Exit.isSuccess(outcome)) {
    return yield* slack.respond(invocation.responseUrl, {
      message: linkedMessage(outcome.value.username, outcome.value.email)
    })
  }
  const failure = outcome.cause
  if (Exit.isFailure(outcome) && failure._tag === "Fail" && failure.error._tag === "TokenRejected") {
    return yield* reply(`:no_entry: ${Views.TOKEN_REJECTED_PROBLEM} Nothing was stored.`)
  }
  const text = yield* failureMessage(failure, slackCommand)
  yield* slack.respond(invocation.responseUrl, { message: text })
})

/** The form's submission: checked inline when Scalingo is quick, otherwise a "checking…" view updated later. */
export const submitLogin = Effect.fn("Login.submit")(function* (submission: ViewSubmission) {
  const slack = yield* SlackWeb
  const slackCommand = yield* CommandName
  const typed = (inputValue(submission, Views.TOKEN_BLOCK, Views.TOKEN_ACTION) ?? "").trim()
  if (!looksLikeApiToken(typed)) {
    return { response_action: "errors", errors: { [Views.TOKEN_BLOCK]: Views.TOKEN_SHAPE_PROBLEM } } as const
  }
  const metadata = decodeMetadata(submission.privateMetadata)
  const tellPrivately = (username: string, email: string) =>
    metadata.r === undefined
      ? Effect.void
      : slack
          .respond(metadata.r, { message: linkedMessage(username, email) })
          .pipe(Effect.catchAll((e) => logWithReference("could not confirm the link", e)))
  const work = linkToken(submission.person, Redacted.make(typed))
  const rejected = (exit: Exit.Exit<unknown, unknown>) =>
    Exit.isFailure(exit) &&
    exit.cause._tag === "Fail" &&
    (exit.cause.error as { _tag?: string })._tag === "TokenRejected"
  const textOf = (exit: Exit.Exit<unknown, unknown>) =>
    Exit.isFailure(exit) ? failureText(exit.cause, slackCommand) : Effect.succeed("")

  return yield* answerInTime({
    work,
    pending: Views.checkingView(submission.privateMetadata),
    quick: (exit) => {
      if (Exit.isSuccess(exit)) {
        // The private confirmation must not hold up the acknowledgement (Slack may be slow or rate-limiting).
        return Effect.as(
          Effect.flatMap(Background, (background) =>
            background.fork(tellPrivately(exit.value.username, exit.value.email))
          ),
          {
            response_action: "update",
            view: Views.linkedView(exit.value.username, exit.value.email)
          } as const
        )
      }
      if (rejected(exit))
        return Effect.succeed({
          response_action: "errors",
          errors: { [Views.TOKEN_BLOCK]: Views.TOKEN_REJECTED_PROBLEM }
        } as const)
      return Effect.map(textOf(exit), (text) => ({ response_action: "update", view: Views.failedView(text) }) as const)
    },
    later: (exit) =>
      Exit.isSuccess(exit)
        ? // Told privately first: a modal Slack will not update must not hide that the link was made.
          Effect.zipRight(
            tellPrivately(exit.value.username, exit.value.email),
            slack.updateView(submission.viewId, Views.linkedView(exit.value.username, exit.value.email))
          )
        : rejected(exit)
          ? slack.updateView(
              submission.viewId,
              Views.loginForm(submission.privateMetadata, Views.TOKEN_REJECTED_PROBLEM)
            )
          : Effect.flatMap(textOf(exit), (text) => slack.updateView(submission.viewId, Views.failedView(text)))
  })
})
