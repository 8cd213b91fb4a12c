import { fn } from "../../tracing/fn.js"
import { Cause, Effect, Exit, Predicate, Redacted } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { say } from "../../blockKit/blocks.js"
import { looksLikeApiToken } from "../../scalingo/ScalingoAccount.js"
import type { User } from "../../scalingo/schemas/user.js"
import { failureText, TOKEN_REJECTED_PROBLEM, TOKEN_SHAPE_PROBLEM } from "../../runtime/errorMessages.js"
import { audited } from "../../runtime/auditTrail.js"
import {
  type ButtonClick,
  inputValue,
  type Person,
  type SlashInvocation,
  type ViewSubmission
} from "../../runtime/interaction/Interaction.js"
import { answerInTime, type ModalOutcome } from "../../runtime/modals/answerInTime.js"
import {
  decodeModalOrigin,
  fromModalOrigin,
  ModalOriginCodec,
  modalOriginOf
} from "../../runtime/modals/modalOrigin.js"
import { ModalAck } from "../../runtime/replies/ModalAck.js"
import { Reply } from "../../runtime/replies/Reply.js"
import * as Views from "./loginViews.js"

/** A link attempt, recorded in the audit trail (the token never is). */
const linkRecorded = (person: Person, channelId: string | undefined, token: string) =>
  Effect.flatMap(Accounts, (accounts) =>
    audited({ person, channelId, action: "login" }, accounts.link(person, Redacted.make(token)))
  )

const rejected = (cause: Cause.Cause<unknown>) =>
  Cause.failureOption(cause).pipe((f) => f._tag === "Some" && Predicate.isTagged(f.value, "TokenRejected"))

/** `login` opens the token form; `login <token>` links without it. Both answer privately. */
export const login = fn("Login.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const typed = args[0]
  if (typed === undefined) {
    const metadata = ModalOriginCodec.encode(modalOriginOf(invocation.channelId, invocation.responseUrl))
    return Reply.OpenModal({ view: Views.loginForm(metadata) })
  }
  if (!looksLikeApiToken(typed)) return Reply.Private({ message: say(`:warning: ${TOKEN_SHAPE_PROBLEM}`) })
  const outcome = yield* Effect.exit(linkRecorded(invocation.person, invocation.channelId, typed))
  if (Exit.isSuccess(outcome)) {
    return Reply.Private({ message: Views.linkedMessage(outcome.value.username, outcome.value.email) })
  }
  if (rejected(outcome.cause)) {
    return Reply.Private({ message: say(`:no_entry: ${TOKEN_REJECTED_PROBLEM} Nothing was stored.`) })
  }
  return yield* Effect.failCause(outcome.cause)
})

/** A Link button (on an answer saying the person has no working link): the login form, answered where it was. */
export const loginFromButton = (click: ButtonClick) =>
  Effect.succeed(
    Reply.OpenModal({
      view: Views.loginForm(ModalOriginCodec.encode(modalOriginOf(click.channelId ?? "", click.responseUrl ?? "")))
    })
  )

/** What a checked token shows, whether Scalingo answered in time for inline errors or not. */
const loginOutcome =
  (submission: ViewSubmission) =>
  (exit: Exit.Exit<User, unknown>): Effect.Effect<ModalOutcome> => {
    if (Exit.isSuccess(exit)) {
      const { username, email } = exit.value
      return Effect.succeed({
        _tag: "Next",
        view: Views.linkedView(username, email),
        also: [Reply.Private({ message: Views.linkedMessage(username, email) })]
      })
    }
    if (rejected(exit.cause)) {
      return Effect.succeed({
        _tag: "Invalid",
        errors: { [Views.TOKEN_BLOCK]: TOKEN_REJECTED_PROBLEM },
        form: Views.loginForm(submission.privateMetadata, TOKEN_REJECTED_PROBLEM)
      })
    }
    return Effect.map(failureText(exit.cause, submission.command), (text) => ({
      _tag: "Next" as const,
      view: Views.failedView(text)
    }))
  }

/** The form's submission: checked inline when Scalingo is quick, otherwise a "checking…" view updated later. */
export const submitLogin = fn("Login.submit")(function* (submission: ViewSubmission) {
  const typed = (inputValue(submission, Views.TOKEN_BLOCK, Views.TOKEN_ACTION) ?? "").trim()
  if (!looksLikeApiToken(typed)) return ModalAck.Errors({ errors: { [Views.TOKEN_BLOCK]: TOKEN_SHAPE_PROBLEM } })
  return yield* answerInTime({
    submission,
    work: linkRecorded(submission.person, decodeModalOrigin(submission.privateMetadata).c, typed),
    outcome: loginOutcome(submission),
    pending: Views.checkingView(submission.privateMetadata)
  }).pipe(fromModalOrigin(submission, decodeModalOrigin(submission.privateMetadata)))
})
