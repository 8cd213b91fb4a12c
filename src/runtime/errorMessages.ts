import { randomBytes } from "node:crypto"
import { Cause, Effect } from "effect"
import type { DeadLink, NoLinkedAccount } from "../accounts/errors.js"
import type { TooManyLogins } from "../accounts/LoginAttempts.js"
import { type Message, say } from "../blockKit/blocks.js"
import { code, link, linkHost, plain } from "../blockKit/text.js"
import type * as Errors from "../scalingo/errors.js"

// over 200 lines: the one error-to-sentence module, kept whole so every sentence can be found and compared.
/**
 * The one place where a failure becomes what a person reads. Each sentence says what went wrong and
 * what to do next; none quotes a stack trace, raw JSON or a token.
 */
export type KnownFailure = Errors.ScalingoError | NoLinkedAccount | DeadLink | TooManyLogins

export const TOKENS_PAGE = "https://dashboard.scalingo.com/account/tokens"

// The hint is part of `text` too: views and sentences built from `text` alone must not lose it
// (e.g. whether a change may have been applied).
const sentence = (text: string, hint?: string): Message =>
  hint === undefined ? say(text) : { ...say(text, hint), text: `${text} ${hint}` }

const seconds = (n: number) => {
  const s = Math.max(1, Math.ceil(n))
  return s === 1 ? "1 second" : `${s} seconds`
}

const relink = (command: string) =>
  sentence(
    `Scalingo no longer accepts the API token linked to your account. Run \`${command} login\` with a new token.`,
    `Tokens are created at ${TOKENS_PAGE}`
  )

/** Scalingo's billing pages live on its own domains; any other link in a 402 is not shown as a link. */
export const billingLink = (url: string | undefined): string | undefined => {
  const host = linkHost(url)
  if (url === undefined || host === undefined || !url.startsWith("https://")) return undefined
  return /(^|\.)scalingo\.(com|io)$/.test(host) ? link(url, "Scalingo's billing page") : undefined
}

/** "has already been taken" about a name → "The name `my-app` is already taken." */
export const fieldSentence = (field: string, problem: string, value?: string): string => {
  const subject = value !== undefined && value !== "" ? `The ${plain(field)} ${code(value, 60)}` : `The ${plain(field)}`
  const said = problem.trim().replace(/\.$/, "")
  if (/^has already been taken$/i.test(said)) return `${subject} is already taken.`
  if (/^(is|can't|cannot|should|must|has|contains)\b/i.test(said)) return `${subject} ${plain(said, 200)}.`
  return `${subject}: ${plain(said, 200)}.`
}

/** Every field a 422 names, one sentence each (`base` problems are about the request as a whole). */
export const invalidInputLines = (error: Errors.InvalidInput, values: Readonly<Record<string, string>> = {}) =>
  Object.entries(error.fields).flatMap(([field, problems]) =>
    problems.map((problem) =>
      field === "base" ? `${plain(problem, 200)}.` : fieldSentence(field, problem, values[field])
    )
  )

const unavailable = (error: Errors.ScalingoUnavailable): Message =>
  sentence(
    `:warning: Scalingo is having trouble answering right now (${
      error.reason === "timeout"
        ? "it took too long"
        : error.reason === "transport"
          ? "it could not be reached"
          : "it reported an error"
    }).`,
    error.mayHaveApplied
      ? "It is unknown whether your change was applied: check before trying again."
      : "Nothing was changed. Try again in a moment."
  )

export const describeFailure = (error: KnownFailure, command: string): Message => {
  switch (error._tag) {
    case "NoLinkedAccount":
      return sentence(
        `You have not linked a Scalingo account yet. Run \`${command} login\` to link yours.`,
        "Each person acts with their own Scalingo account and permissions."
      )
    case "DeadLink":
      return error.reason === "unreadable" ? unreadableToken(command) : relink(command)
    case "TokenRejected":
      return relink(command)
    case "Unauthorized":
      return sentence(
        "Scalingo says your account is not allowed to do this. " +
          "Check that you are a collaborator of the app with enough rights."
      )
    case "PaymentRequired": {
      const where = billingLink(error.url)
      return sentence(
        `:credit_card: Your Scalingo account's billing needs attention: ${plain(error.message, 300)}`,
        where !== undefined ? `Fix it on ${where}.` : "Check the billing page of your Scalingo dashboard."
      )
    }
    case "Forbidden":
      return error.code === "region_disabled"
        ? sentence("Scalingo has disabled creating new resources in this region. Choose another region.")
        : sentence(
            `Scalingo does not allow this for your account: ${plain(error.message, 300)}`,
            error.code !== undefined
              ? `Scalingo's reason: ${code(error.code, 60)}. Your role on the app may not allow it.`
              : "Your role on the app may not allow it; an owner of the app can change that."
          )
    case "NotFound":
      return error.resource === "app"
        ? sentence(
            `That app does not exist, or your Scalingo account cannot see it. Check the name with \`${command} apps\`.`
          )
        : sentence(`Scalingo could not find that ${plain(error.resource)}.`)
    case "Conflict":
      return sentence(`Scalingo refused because of the resource's current state: ${plain(error.message, 300)}`)
    case "InvalidInput":
      return sentence(`Scalingo did not accept that:\n${invalidInputLines(error).join("\n")}`)
    case "BadRequest":
      return sentence(
        "Scalingo could not read the request the bot sent. This is our bug; please tell whoever runs this bot."
      )
    case "RateLimited":
      return sentence(
        error.source === "budget"
          ? `:hourglass: Your Scalingo account has used its request budget for this minute. ` +
              `Try again in ${seconds(error.retryAfterSeconds)}.`
          : `:hourglass: Scalingo is limiting your account's requests. ` +
              `Try again in ${seconds(error.retryAfterSeconds)}.`
      )
    case "ScalingoUnavailable":
      return unavailable(error)
    case "TooManyLogins":
      return sentence(
        error.scope === "person"
          ? `:hourglass: That is a lot of login attempts in a minute. Try again in ${seconds(error.retryAfterSeconds)}.`
          : `:hourglass: This workspace is linking many accounts right now. ` +
              `Try again in ${seconds(error.retryAfterSeconds)}.`,
        "Nothing was sent to Scalingo."
      )
    case "UnexpectedResponse":
      return sentence(
        "Scalingo answered in a way the bot does not understand, so nothing more can be shown. Try again later."
      )
  }
}

const knownTags = new Set<string>([
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
  "UnexpectedResponse",
  "TooManyLogins"
])

export const isKnownFailure = (error: unknown): error is KnownFailure =>
  typeof error === "object" && error !== null && knownTags.has((error as { _tag?: string })._tag ?? "")

// == Sentences about accounts and input, not tied to one Scalingo error

export const unreadableToken = (command: string): Message =>
  sentence(
    ":warning: Your stored Scalingo token can no longer be read (the bot's encryption key changed). " +
      `Run \`${command} login\` to link your account again.`
  )

export const TOKEN_SHAPE_PROBLEM =
  "This does not look like a Scalingo API token: they start with `tk-us-` followed by letters and digits."
export const TOKEN_REJECTED_PROBLEM =
  "Scalingo rejected this token. Check that you copied all of it, or create a new one."

export const notAnAppName = (word: string, command: string): Message =>
  sentence(
    `${code(word, 60)} is not an app name: names use lowercase letters, digits and hyphens. ` +
      `See your apps with \`${command} apps\`.`
  )

export const staleButton = (command: string): Message =>
  sentence(`This button is no longer valid. Run the command again (\`${command} help\` lists them).`)

export const noRegion =
  "Your Scalingo account cannot use any region right now, so no app can be created. " +
  "Check your account on the Scalingo dashboard."

/** A click served with the clicker's own account, which cannot see what the message shows. */
export const cannotSee = (what: string): Message =>
  sentence(`Your Scalingo account cannot see ${what}, so I can't show you this page.`)

/** Why the bot could not post where it was asked to, and how to fix it. */
export const cannotPostHere = (reason: string): string =>
  `I can't post in this channel (${plain(reason, 40)}); invite me with \`/invite\` to get threaded, paged listings.`

// == Changes to production (restart, scale)

/** An operation (restart, scale) Scalingo will not start because another one is running on the app. */
export const isBusy = (error: unknown): boolean => {
  const e = error as { _tag?: string; fields?: Record<string, ReadonlyArray<string>>; message?: string }
  if (e?._tag === "Conflict") return true
  if (e?._tag !== "InvalidInput") return false
  return Object.values(e.fields ?? {}).some((problems) =>
    problems.some((p) => /already in progress|already running|operation.*progress|is (restarting|scaling)/i.test(p))
  )
}

/**
 * Why a confirmed change did not happen, in a sentence for the person who confirmed it: another
 * operation running, their role, a change whose answer was lost (it may or may not have happened), or
 * any other Scalingo failure.
 */
export const changeFailure = (verb: string, app: string, error: unknown, command: string): Message => {
  const check = `\`${command} info ${app}\``
  if (isBusy(error)) {
    return sentence(
      `:hourglass: Scalingo is already restarting or scaling ${code(app)}; it takes one operation at a time.`,
      `Nothing was sent. Try again when it is done (${check} shows its state).`
    )
  }
  const e = error as { _tag?: string; mayHaveApplied?: boolean }
  if (e?._tag === "Forbidden") {
    return sentence(
      `:no_entry: Scalingo refused to ${verb} ${code(app)}: your role on the app does not allow it.`,
      "An owner or collaborator of the app can do it, or change your role."
    )
  }
  if (e?._tag === "UnexpectedResponse") {
    return sentence(
      `:warning: Scalingo answered the ${verb} of ${code(app)} in a way the bot cannot read, so it may or may not ` +
        "have happened.",
      `It was not sent again. Check with ${check} before trying again.`
    )
  }
  if (e?._tag === "ScalingoUnavailable" && e.mayHaveApplied === true) {
    return sentence(
      `:warning: Scalingo did not answer in time, so the ${verb} of ${code(app)} may or may not have happened.`,
      `It was not sent again. Check with ${check} (or \`${command} events ${app}\`) before trying again.`
    )
  }
  if (isKnownFailure(error)) return describeFailure(error, command)
  return sentence(`:warning: The ${verb} of ${code(app)} could not be sent.`)
}

// == Unexpected failures

/** A short id that ties what the person reads to the log line with the details. */
export const newReference = (): string => randomBytes(4).toString("hex")

export const apology = (reference: string): Message =>
  sentence(
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
  if (failure._tag === "Some" && isKnownFailure(failure.value))
    return Effect.succeed(describeFailure(failure.value, command))
  return Effect.map(logWithReference("unexpected failure", cause), apology)
}

/** The tag a failure is logged under: the known error's, `unexpected` for anything else. */
export const outcomeOf = <E>(cause: Cause.Cause<E>): string => {
  if (Cause.isInterruptedOnly(cause)) return "interrupted"
  const failure = Cause.failureOption(cause)
  if (failure._tag === "Some") {
    const tag = (failure.value as { _tag?: unknown })?._tag
    if (typeof tag === "string") return tag
  }
  return "unexpected"
}

/** Logs an unexpected failure with a fresh reference id (returned), so whoever reads the log can find it. */
export const logWithReference = (text: string, cause: unknown): Effect.Effect<string> => {
  const reference = newReference()
  return Effect.as(Effect.logError(text, cause).pipe(Effect.annotateLogs("reference", reference)), reference)
}
