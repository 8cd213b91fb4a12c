import { Match } from "effect"
import { code, link, linkHost, plain } from "../../blockKit/text.js"
import type { InvalidInput } from "../../scalingo/errors.js"
import { type Sentence, sentence } from "./catalogue.js"
import { type DescribedError, isError, type KnownError } from "./knownErrors.js"

export const TOKENS_PAGE = "https://dashboard.scalingo.com/account/tokens"

export const seconds = (n: number) => {
  const s = Math.max(1, Math.ceil(n))
  return s === 1 ? "1 second" : `${s} seconds`
}

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
export const invalidInputLines = (error: InvalidInput, values: Readonly<Record<string, string>> = {}) =>
  Object.entries(error.fields).flatMap(([field, problems]) =>
    problems.map((problem) =>
      field === "base" ? `${plain(problem, 200)}.` : fieldSentence(field, problem, values[field])
    )
  )

/** Failures of ours: an apology with a reference to the logged cause, never their details. */
export const APOLOGY = "apology" as const

/** A known error as what a person reads, or an apology for failures of ours. */
export const sentenceOf = (error: KnownError, command: string): Sentence | typeof APOLOGY =>
  error._tag === "StorageError" || error._tag === "ReplyFailed" ? APOLOGY : describedSentence(error, command)

/**
 * The one exhaustive map from a described error to its sentence: a tag added to `KnownError` without
 * a case here fails the type check.
 */
export const describedSentence = (error: DescribedError, command: string): Sentence =>
  Match.valueTags(error, sentenceCases(command))

/** One case per described error: the type that makes a missing sentence a type error. */
export type SentenceCases = {
  readonly [T in DescribedError["_tag"]]: (error: Extract<DescribedError, { readonly _tag: T }>) => Sentence
}

const sentenceCases = (command: string): SentenceCases => ({
  NoLinkedAccount: () => sentence("account.notLinked", { command }),
  DeadLink: (e) =>
    e.reason === "unreadable"
      ? sentence("account.unreadableToken", { command })
      : sentence("account.relink", { command, tokensPage: TOKENS_PAGE }),
  TokenRejected: () => sentence("account.relink", { command, tokensPage: TOKENS_PAGE }),
  TooManyLogins: (e) =>
    sentence(e.scope === "person" ? "account.tooManyLogins.person" : "account.tooManyLogins.workspace", {
      seconds: seconds(e.retryAfterSeconds)
    }),
  Unauthorized: () => sentence("scalingo.unauthorized", {}),
  PaymentRequired: (e) =>
    sentence("scalingo.paymentRequired", { said: plain(e.message, 300), billingLink: billingLink(e.url) }),
  Forbidden: (e) =>
    e.code === "region_disabled"
      ? sentence("scalingo.regionDisabled", {})
      : sentence("scalingo.forbidden", {
          said: plain(e.message, 300),
          code: e.code !== undefined ? code(e.code, 60) : undefined
        }),
  NotFound: (e) =>
    e.resource === "app"
      ? sentence("scalingo.appNotFound", { command })
      : sentence("scalingo.notFound", { resource: plain(e.resource) }),
  Conflict: (e) => sentence("scalingo.conflict", { said: plain(e.message, 300) }),
  InvalidInput: (e) => sentence("scalingo.invalidInput", { lines: invalidInputLines(e) }),
  BadRequest: () => sentence("scalingo.badRequest", {}),
  RateLimited: (e) =>
    sentence(e.source === "budget" ? "scalingo.rateLimited.budget" : "scalingo.rateLimited.scalingo", {
      seconds: seconds(e.retryAfterSeconds)
    }),
  ScalingoUnavailable: (e) => sentence("scalingo.unavailable", { reason: e.reason, mayHaveApplied: e.mayHaveApplied }),
  UnexpectedResponse: () => sentence("scalingo.unexpectedResponse", {})
})

const BUSY = /already in progress|already running|operation.*progress|is (restarting|scaling)/i

/** An operation (restart, scale) Scalingo will not start because another one is running on the app. */
export const isBusy = (error: unknown): boolean =>
  isError("Conflict")(error) ||
  (isError("InvalidInput")(error) &&
    Object.values(error.fields).some((problems) => problems.some((problem) => BUSY.test(problem))))

/**
 * Why a confirmed change did not happen: another operation running, the role, an answer lost (it may or
 * may not have happened), or the error's own sentence.
 */
export const changeSentence = (verb: string, app: string, error: KnownError, command: string) => {
  const check = `\`${command} info ${app}\``
  const quoted = code(app)
  if (isBusy(error)) return sentence("change.busy", { app: quoted, check })
  if (error._tag === "Forbidden") return sentence("change.forbidden", { verb, app: quoted })
  if (error._tag === "UnexpectedResponse") return sentence("change.unreadableAnswer", { verb, app: quoted, check })
  if (error._tag === "ScalingoUnavailable" && error.mayHaveApplied) {
    return sentence("change.unanswered", { verb, app: quoted, check, events: `\`${command} events ${app}\`` })
  }
  const own = sentenceOf(error, command)
  return own === APOLOGY ? sentence("change.notSent", { verb, app: quoted }) : own
}
