import { randomBytes } from "node:crypto"
import { Cause, Effect } from "effect"
import type * as Errors from "../scalingo/errors.js"
import { context, escapeMrkdwn, message, section, type Message } from "../slack/blocks.js"
import type { DeadLink, NoLinkedAccount } from "./Accounts.js"

/**
 * The one place where a failure becomes what a person reads. Every sentence says what went wrong
 * and what to do next; none quotes a stack trace, raw JSON or a token.
 */
export type KnownFailure = Errors.ScalingoError | NoLinkedAccount | DeadLink

// The hint is part of `text` too: views and sentences built from `text` alone must not lose it
// (e.g. whether a change may have been applied).
const say = (text: string, hint?: string): Message =>
  message(
    hint === undefined ? text : `${text} ${hint}`,
    hint === undefined ? [section(text)] : [section(text), context(hint)]
  )

const seconds = (n: number) => {
  const s = Math.max(1, Math.ceil(n))
  return s === 1 ? "1 second" : `${s} seconds`
}

export const describeFailure = (error: KnownFailure, command: string): Message => {
  switch (error._tag) {
    case "NoLinkedAccount":
      return say(
        `You have not linked a Scalingo account yet. Run \`${command} login\` to link yours.`,
        "Each person acts with their own Scalingo account and permissions."
      )
    case "DeadLink":
      if (error.reason === "unreadable") {
        return say(
          `Your stored Scalingo token can no longer be read (the bot's encryption key changed). Run \`${command} login\` to link your account again.`
        )
      }
      return say(
        `Scalingo no longer accepts the API token linked to your account. Run \`${command} login\` with a new token to relink.`,
        "Tokens are created at https://dashboard.scalingo.com/account/tokens"
      )
    case "TokenRejected":
      return say(
        `Scalingo no longer accepts the API token linked to your account. Run \`${command} login\` with a new token to relink.`,
        "Tokens are created at https://dashboard.scalingo.com/account/tokens"
      )
    case "Unauthorized":
      return say(
        "Scalingo says your account is not allowed to do this. Check that you are a collaborator of the app with enough rights."
      )
    case "PaymentRequired":
      return say(
        `:credit_card: Your Scalingo account's billing needs attention: ${escapeMrkdwn(error.message)}`,
        error.url !== undefined
          ? `Fix it here: ${escapeMrkdwn(error.url)}`
          : "Check the billing page of your Scalingo dashboard."
      )
    case "Forbidden":
      return error.code === "region_disabled"
        ? say("Scalingo has disabled creating new resources in this region. Choose another region.")
        : say(
            `Scalingo does not allow this: ${escapeMrkdwn(error.message)}`,
            error.code !== undefined ? `Scalingo's reason: \`${escapeMrkdwn(error.code)}\`` : undefined
          )
    case "NotFound":
      return error.resource === "app"
        ? say(
            "That app does not exist, or your Scalingo account cannot see it. Check the name with `" +
              command +
              " apps`."
          )
        : say(`Scalingo could not find that ${escapeMrkdwn(error.resource)}.`)
    case "Conflict":
      return say(`Scalingo refused because of the resource's current state: ${escapeMrkdwn(error.message)}`)
    case "InvalidInput": {
      const lines = Object.entries(error.fields).map(
        ([field, problems]) => `• *${escapeMrkdwn(field)}*: ${escapeMrkdwn(problems.join(", "))}`
      )
      return say(`Scalingo did not accept that:\n${lines.join("\n")}`)
    }
    case "BadRequest":
      return say(
        "Scalingo could not read the request the bot sent. This is our bug; please tell whoever runs this bot."
      )
    case "RateLimited":
      return say(
        error.source === "budget"
          ? `:hourglass: Your Scalingo account has used its request budget for this minute. Try again in ${seconds(error.retryAfterSeconds)}.`
          : `:hourglass: Scalingo is limiting your account's requests. Try again in ${seconds(error.retryAfterSeconds)}.`
      )
    case "ScalingoUnavailable":
      return say(
        `:warning: Scalingo is having trouble answering right now (${error.reason === "timeout" ? "it took too long" : error.reason === "transport" ? "it could not be reached" : "it reported an error"}).`,
        error.mayHaveApplied
          ? "It is unknown whether your change was applied: check before trying again."
          : "Nothing was changed. Try again in a moment."
      )
    case "UnexpectedResponse":
      return say(
        "Scalingo answered in a way the bot does not understand, so nothing more can be shown. Try again later."
      )
  }
}

const knownTags = new Set([
  "NoLinkedAccount",
  "DeadLink",
  "TokenRejected",
  "Unauthorized",
  "PaymentRequired",
  "Forbidden",
  "NotFound",
  "Conflict",
  "InvalidInput",
  "BadRequest",
  "RateLimited",
  "ScalingoUnavailable",
  "UnexpectedResponse"
])

export const isKnownFailure = (error: unknown): error is KnownFailure =>
  typeof error === "object" && error !== null && knownTags.has((error as { _tag?: string })._tag ?? "")

/** A short id that ties what the person reads to the log line with the details. */
export const newReference = (): string => randomBytes(4).toString("hex")

export const apology = (reference: string): Message =>
  say(
    ":face_with_head_bandage: Sorry, something went wrong on our side.",
    `Reference \`${reference}\`: give it to whoever runs this bot.`
  )

/** The text of `failureMessage`, for places that show one string (modal views, region notes). */
export const failureText = <E>(cause: Cause.Cause<E>, command: string): Effect.Effect<string> =>
  Effect.map(failureMessage(cause, command), (m) => m.text)

/**
 * Turns any failure into a message: a known error into its sentence, anything else into an apology
 * whose reference id is logged with the cause.
 */
export const failureMessage = <E>(cause: Cause.Cause<E>, command: string): Effect.Effect<Message> => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "Some" && isKnownFailure(failure.value)) {
    return Effect.as(
      Effect.logInfo("request failed", { error: (failure.value as { _tag: string })._tag }),
      describeFailure(failure.value, command)
    )
  }
  return Effect.map(logWithReference("unexpected failure", cause), apology)
}

/** Logs an unexpected failure with a fresh reference id (returned), so whoever reads the log can find it. */
export const logWithReference = (text: string, cause: unknown): Effect.Effect<string> => {
  const reference = newReference()
  return Effect.as(Effect.logError(text, cause).pipe(Effect.annotateLogs("reference", reference)), reference)
}
