import { fn } from "../../tracing/fn.js"
import { Cause, Effect, Exit, Option } from "effect"
import { appNameProblem } from "../../scalingo/appName.js"
import type { ScalingoError } from "../../scalingo/errors.js"
import type { App } from "../../scalingo/schemas/app.js"
import { SubmissionClaims } from "../../storage/SubmissionClaims.js"
import {
  billingLink,
  describeFailure,
  failureText,
  fieldSentence,
  isKnownFailure
} from "../../runtime/errorMessages.js"
import { inputValue, type ViewSubmission } from "../../runtime/interaction/Interaction.js"
import { answerInTime, type ModalOutcome } from "../../runtime/modals/answerInTime.js"
import { fromModalOrigin } from "../../runtime/modals/modalOrigin.js"
import { ModalAck } from "../../runtime/replies/ModalAck.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { plain } from "../../blockKit/text.js"
import { sendChange } from "../../runtime/changes/sendConfirmed.js"
import { createKind } from "./createKind.js"
import * as Views from "./createViews.js"

type Created = { readonly _tag: "Created"; readonly app: App } | { readonly _tag: "AlreadySubmitted" }

/** Which field a Scalingo 422 complaint belongs under. */
const fieldBlock = (field: string) => (field === "region" ? Views.REGION_BLOCK : Views.NAME_BLOCK)

/** Inline problems for what Scalingo refused about the input, keyed by the block they belong under. */
const inlineProblems = (error: ScalingoError, name: string): Record<string, string> | undefined => {
  if (error._tag === "InvalidInput") {
    const inline: Record<string, string> = {}
    for (const [field, problems] of Object.entries(error.fields)) {
      const block = fieldBlock(field)
      const subject = field === "base" || field === "app" ? "name" : field
      const lines = problems.map((p) => fieldSentence(subject, p, subject === "name" ? name : undefined))
      inline[block] = [inline[block], ...lines].filter(Boolean).join(" ")
    }
    return inline
  }
  if (error._tag === "Forbidden" && error.code === "region_disabled") {
    return { [Views.REGION_BLOCK]: "Scalingo has disabled creating apps in this region. Choose another region." }
  }
  return undefined
}

/** What a create shows, whether Scalingo answered in time for inline errors or not. */
const createOutcome =
  (submission: ViewSubmission, metadata: Views.CreateMetadata, name: string, region: string) =>
  (exit: Exit.Exit<Created, unknown>): Effect.Effect<ModalOutcome> => {
    if (Exit.isSuccess(exit)) {
      if (exit.value._tag === "AlreadySubmitted")
        return Effect.succeed({ _tag: "Next", view: Views.creatingView(name, region) })
      const announcement = Views.createdMessage(exit.value.app, region, submission.person.userId)
      return Effect.succeed({
        _tag: "Next",
        view: Views.createdView(exit.value.app, region),
        also: [Reply.Post({ message: announcement, orPrivately: () => announcement })]
      })
    }
    const failure = Cause.failureOption(exit.cause)
    const error = Option.getOrUndefined(failure)
    if (
      isKnownFailure(error) &&
      error._tag !== "NoLinkedAccount" &&
      error._tag !== "DeadLink" &&
      error._tag !== "TooManyLogins"
    ) {
      const inline = inlineProblems(error, name)
      if (inline !== undefined) {
        const form = Views.createForm(metadata, {
          name,
          region,
          ...(inline[Views.NAME_BLOCK] !== undefined ? { nameProblem: inline[Views.NAME_BLOCK] } : {}),
          ...(inline[Views.REGION_BLOCK] !== undefined ? { regionProblem: inline[Views.REGION_BLOCK] } : {})
        })
        return Effect.succeed({ _tag: "Invalid", errors: inline, form })
      }
      if (error._tag === "PaymentRequired") {
        const where = billingLink(error.url)
        const said = plain(error.message, 300)
        const text = `:credit_card: Scalingo needs your billing details before this app can be created: ${said}`
        return Effect.succeed({ _tag: "Next", view: Views.outcomeView(text, ...(where !== undefined ? [where] : [])) })
      }
    }
    if (isKnownFailure(error)) {
      return Effect.succeed({ _tag: "Next", view: Views.outcomeView(describeFailure(error, submission.command).text) })
    }
    return Effect.map(failureText(exit.cause, submission.command), (text) => ({
      _tag: "Next" as const,
      view: Views.outcomeView(text)
    }))
  }

export const submitCreateApp = fn("CreateApp.submit")(function* (submission: ViewSubmission) {
  const claims = yield* SubmissionClaims
  const name = (inputValue(submission, Views.NAME_BLOCK, Views.NAME_ACTION) ?? "").trim()
  const region = inputValue(submission, Views.REGION_BLOCK, Views.REGION_ACTION) ?? ""
  const problem = appNameProblem(name)
  if (problem !== undefined) return ModalAck.Errors({ errors: { [Views.NAME_BLOCK]: `The name ${problem}.` } })
  if (!/^[a-z0-9-]{1,64}$/.test(region))
    return ModalAck.Errors({ errors: { [Views.REGION_BLOCK]: "Choose a region." } })
  const metadata = Option.getOrElse(
    Views.CreateMetadata.decode(submission.privateMetadata),
    (): Views.CreateMetadata => ({ g: [] })
  )

  // A second submission of the same modal (double click, Slack retry, another replica) creates nothing.
  const claim = `create:${submission.viewId}`
  const work = Effect.gen(function* () {
    if (!(yield* claims.claim(submission.person.teamId, claim))) return { _tag: "AlreadySubmitted" } as const
    const { result: app } = yield* sendChange(
      createKind,
      { change: { _tag: "Create" }, target: { app: name, region }, channelId: metadata.c },
      submission
    ).pipe(Effect.tapError(() => claims.release(submission.person.teamId, claim).pipe(Effect.ignore)))
    yield* Effect.logInfo("app created", { app: app.name, region })
    return { _tag: "Created", app } as const
  })

  return yield* answerInTime({
    submission,
    work,
    outcome: createOutcome(submission, metadata, name, region),
    pending: Views.creatingView(name, region)
  }).pipe(fromModalOrigin(submission, metadata))
})
