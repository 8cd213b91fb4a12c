import { Cause, Effect, Exit } from "effect"
import { Background } from "../Background.js"
import { appNameProblem } from "../scalingo/appName.js"
import { AppsApi } from "../scalingo/AppsApi.js"
import type { ScalingoError } from "../scalingo/errors.js"
import type { App } from "../scalingo/schemas/app.js"
import type { Region } from "../scalingo/schemas/region.js"
import { Regions } from "../scalingo/Regions.js"
import { SlackWeb } from "../slack/SlackWeb.js"
import { Accounts } from "./Accounts.js"
import { answerInTime } from "./answerInTime.js"
import * as Views from "./createAppViews.js"
import { describeFailure, failureText, isKnownFailure, logWithReference } from "./errorMessages.js"
import { inputValue, type SlashInvocation, type ViewAck, type ViewSubmission, CommandName } from "./Interaction.js"
import { decodeMetadata, encodeMetadata } from "./privateMetadata.js"
import { SubmissionClaims } from "../storage/SubmissionClaims.js"

const NO_REGION =
  "Your Scalingo account cannot use any region right now, so no app can be created. Check your account on the Scalingo dashboard."

/** `create [name]`: opens the form at once (the trigger expires in 3 s); regions fill it in as they arrive. */
export const createApp = Effect.fn("CreateApp.command")(function* (
  invocation: SlashInvocation,
  args: ReadonlyArray<string>
) {
  const accounts = yield* Accounts
  const regions = yield* Regions
  const slack = yield* SlackWeb
  const metadata = encodeMetadata({ c: invocation.channelId, r: invocation.responseUrl })
  const name = args[0]?.slice(0, 100)
  yield* accounts.require(invocation.person) // no account: answered privately, no modal
  // Through actingAs so a token Scalingo now rejects marks the link dead here too.
  const reachable = accounts.actingAs(invocation.person, ({ account }) => regions.list(account)).pipe(Effect.either)
  // A select without options is refused by Slack: an account without regions is told so instead.
  const formFor = (list: ReadonlyArray<Region>) =>
    list.length === 0
      ? Views.outcomeView(NO_REGION)
      : Views.createForm(metadata, list, name === undefined ? {} : { name })
  const quick = yield* reachable.pipe(Effect.timeoutOption("1 second"))
  if (quick._tag === "Some" && quick.value._tag === "Right") {
    yield* slack.openView(invocation.triggerId, formFor(quick.value.right))
    return
  }
  const { viewId } = yield* slack.openView(invocation.triggerId, Views.loadingView(metadata))
  const loaded = quick._tag === "Some" ? quick.value : yield* reachable
  if (loaded._tag === "Right") {
    return yield* slack.updateView(viewId, formFor(loaded.right))
  }
  const slackCommand = yield* CommandName
  const failure = loaded.left
  const text = yield* failureText(Cause.fail(failure), slackCommand)
  yield* slack.updateView(viewId, Views.outcomeView(text))
})

/** Which field a Scalingo 422 complaint belongs under. */
const fieldBlock = (field: string) => (field === "region" ? Views.REGION_BLOCK : Views.NAME_BLOCK)

export const submitCreateApp = Effect.fn("CreateApp.submit")(function* (submission: ViewSubmission) {
  const accounts = yield* Accounts
  const appsApi = yield* AppsApi
  const claims = yield* SubmissionClaims
  const slack = yield* SlackWeb
  const slackCommand = yield* CommandName
  const name = (inputValue(submission, Views.NAME_BLOCK, Views.NAME_ACTION) ?? "").trim()
  const region = inputValue(submission, Views.REGION_BLOCK, Views.REGION_ACTION) ?? ""
  const problem = appNameProblem(name)
  if (problem !== undefined)
    return { response_action: "errors", errors: { [Views.NAME_BLOCK]: `The name ${problem}.` } } as ViewAck
  if (!/^[a-z0-9-]{1,64}$/.test(region))
    return { response_action: "errors", errors: { [Views.REGION_BLOCK]: "Choose a region." } } as ViewAck

  // A second submission of the same modal (double click, Slack retry) must not create a second app.
  if (!(yield* claims.claim(`create:${submission.viewId}`))) {
    return { response_action: "update", view: Views.creatingView(name, region) } as ViewAck
  }
  const metadata = decodeMetadata(submission.privateMetadata)
  const announce = (app: App) =>
    metadata.c === undefined
      ? Effect.void
      : slack
          .postMessage({ channel: metadata.c, message: Views.createdMessage(app, region, submission.person.userId) })
          .pipe(
            Effect.catchAll((error) =>
              metadata.r === undefined
                ? logWithReference("could not announce the new app", error)
                : slack
                    .respond(metadata.r, { message: Views.createdMessage(app, region, submission.person.userId) })
                    .pipe(
                      Effect.catchAll((refused) =>
                        logWithReference("could not announce the new app, nor tell its creator", refused)
                      )
                    )
            )
          )

  const work = accounts
    .actingAs(submission.person, ({ account }) => appsApi.create(account, region, { name }))
    .pipe(
      Effect.tap((app) => Effect.logInfo("app created", { app: app.name, region })),
      Effect.tapError(() => claims.release(`create:${submission.viewId}`).pipe(Effect.ignore))
    )
  type Failure = Effect.Effect.Error<typeof work>
  const formAgain = (state: Views.CreateFormState, regionsList: ReadonlyArray<Region>) =>
    Views.createForm(submission.privateMetadata, regionsList, { name, region, ...state })

  /** What to show for a failure: inline problems for 422/403, a replacing view for the rest. */
  const explain = (error: Failure): { inline?: Record<string, string>; text?: string; link?: string } => {
    const e = error as ScalingoError
    if (e._tag === "InvalidInput") {
      const inline: Record<string, string> = {}
      for (const [field, problems] of Object.entries(e.fields)) {
        const block = fieldBlock(field)
        inline[block] = [
          inline[block],
          `${field === "name" || field === "base" || field === "app" ? "" : `${field}: `}${problems.join(", ")}`
        ]
          .filter(Boolean)
          .join("; ")
      }
      return { inline }
    }
    if (e._tag === "Forbidden" && e.code === "region_disabled") {
      return {
        inline: { [Views.REGION_BLOCK]: "Scalingo has disabled creating apps in this region. Choose another region." }
      }
    }
    if (e._tag === "PaymentRequired") {
      return {
        text: `:credit_card: Scalingo needs your billing details before this app can be created: ${e.message}`,
        ...(e.url !== undefined ? { link: e.url } : {})
      }
    }
    return isKnownFailure(error) ? { text: describeFailure(error, slackCommand).text } : {}
  }
  const textFor = (exit: Exit.Exit<unknown, Failure>) =>
    Exit.isFailure(exit) && exit.cause._tag === "Fail" ? explain(exit.cause.error) : {}
  const unexpected = (exit: Exit.Exit<unknown, Failure>) =>
    Exit.isFailure(exit) ? failureText(exit.cause, slackCommand) : Effect.succeed("")

  return yield* answerInTime({
    work,
    pending: Views.creatingView(name, region),
    quick: (exit) => {
      // The announcement must not hold up the acknowledgement (Slack may be slow or rate-limiting).
      if (Exit.isSuccess(exit))
        return Effect.as(
          Effect.flatMap(Background, (background) => background.fork(announce(exit.value))),
          { response_action: "update", view: Views.createdView(exit.value, region) } as ViewAck
        )
      const shown = textFor(exit)
      if (shown.inline !== undefined)
        return Effect.succeed({ response_action: "errors", errors: shown.inline } as ViewAck)
      if (shown.text !== undefined)
        return Effect.succeed({ response_action: "update", view: Views.outcomeView(shown.text, shown.link) } as ViewAck)
      return Effect.map(
        unexpected(exit),
        (text) => ({ response_action: "update", view: Views.outcomeView(text) }) as ViewAck
      )
    },
    later: (exit) => {
      // Announced first: a modal Slack will not update must not keep the new app a secret.
      if (Exit.isSuccess(exit))
        return Effect.zipRight(
          announce(exit.value),
          slack.updateView(submission.viewId, Views.createdView(exit.value, region))
        )
      const shown = textFor(exit)
      if (shown.inline !== undefined) {
        const regions = accounts.actingAs(submission.person, ({ account }) =>
          Effect.flatMap(Regions, (r) => r.list(account))
        )
        return Effect.flatMap(regions, (list) =>
          slack.updateView(
            submission.viewId,
            formAgain(
              {
                ...(shown.inline![Views.NAME_BLOCK] !== undefined
                  ? { nameProblem: shown.inline![Views.NAME_BLOCK] }
                  : {}),
                ...(shown.inline![Views.REGION_BLOCK] !== undefined
                  ? { regionProblem: shown.inline![Views.REGION_BLOCK] }
                  : {})
              },
              list
            )
          )
        )
      }
      if (shown.text !== undefined)
        return slack.updateView(submission.viewId, Views.outcomeView(shown.text, shown.link))
      return Effect.flatMap(unexpected(exit), (text) => slack.updateView(submission.viewId, Views.outcomeView(text)))
    }
  })
})
