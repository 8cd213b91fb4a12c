import { randomBytes } from "node:crypto"
import { Cause, Effect } from "effect"
import { type Message, say } from "../blockKit/blocks.js"
import { code, plain } from "../blockKit/text.js"
import { render, type Sentence, sentence } from "./sentences/catalogue.js"
import { english } from "./sentences/english.js"
import { APOLOGY, changeSentence, describedSentence, sentenceOf } from "./sentences/errorSentences.js"
import { type DescribedError, isKnownError, type KnownError, tagOf } from "./sentences/knownErrors.js"

export {
  billingLink,
  fieldSentence,
  invalidInputLines,
  isBusy,
  TOKENS_PAGE
} from "./sentences/errorSentences.js"

/**
 * Where a failure becomes what a person reads: the known error's sentence (`sentences/`), rendered in
 * the reader's words, or an apology whose reference is logged with the cause. None quotes a stack
 * trace, raw JSON or a token.
 */

/** A known error that has a sentence of its own (failures of ours read as an apology instead). */
export type KnownFailure = DescribedError

// The hint is part of `text` too: views and sentences built from `text` alone must not lose it
// (e.g. whether a change may have been applied).
export const toMessage = (said: Sentence): Message => {
  const { text, hint } = render(english, said)
  return hint === undefined ? say(text) : { ...say(text, hint), text: `${text} ${hint}` }
}

/** True for an error whose sentence is its own (not an apology). */
export const isKnownFailure = (error: unknown): error is DescribedError =>
  isKnownError(error) && error._tag !== "StorageError" && error._tag !== "ReplyFailed"

export const describeFailure = (error: DescribedError, command: string): Message =>
  toMessage(describedSentence(error, command))

// == Sentences about accounts and input, not tied to one Scalingo error

export const unreadableToken = (command: string): Message => toMessage(sentence("account.unreadableToken", { command }))

export const TOKEN_SHAPE_PROBLEM = render(english, sentence("login.tokenShape", {})).text
export const TOKEN_REJECTED_PROBLEM = render(english, sentence("login.tokenRejected", {})).text

export const notAnAppName = (word: string, command: string): Message =>
  toMessage(sentence("input.notAnAppName", { word: code(word, 60), command }))

export const staleButton = (command: string): Message => toMessage(sentence("input.staleButton", { command }))

export const noRegion = render(english, sentence("create.noRegion", {})).text

/** A click served with the clicker's own account, which cannot see what the message shows. */
export const cannotSee = (what: string): Message => toMessage(sentence("input.cannotSee", { what }))

/** Why the bot could not post where it was asked to, and how to fix it. */
export const cannotPostHere = (reason: string): string =>
  render(english, sentence("channel.cannotPost", { reason: plain(reason, 40), invite: "`/invite`" })).text

// == Changes to production (restart, scale)

/** Why a confirmed change did not happen, for the person who confirmed it. */
export const changeFailure = (verb: string, app: string, error: KnownError, command: string): Message =>
  toMessage(changeSentence(verb, app, error, command))

// == Unexpected failures

/** A short id that ties what the person reads to the log line with the details. */
export const newReference = (): string => randomBytes(4).toString("hex")

export const apology = (reference: string): Message => toMessage(sentence("ours.apology", { reference }))

/** The text of `failureMessage`, for places that show one string (modal views, region notes). */
export const failureText = <E>(cause: Cause.Cause<E>, command: string): Effect.Effect<string> =>
  Effect.map(failureMessage(cause, command), (m) => m.text)

/**
 * Turns any failure into a message: a known error into its sentence, anything else into an apology
 * whose reference id is logged with the cause.
 */
export const failureMessage = <E>(cause: Cause.Cause<E>, command: string): Effect.Effect<Message> => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "Some" && isKnownError(failure.value)) {
    const said = sentenceOf(failure.value, command)
    if (said !== APOLOGY) return Effect.succeed(toMessage(said))
  }
  return Effect.map(logWithReference("unexpected failure", cause), apology)
}

/** The tag a failure is logged under: the known error's, `unexpected` for anything else. */
export const outcomeOf = <E>(cause: Cause.Cause<E>): string => {
  if (Cause.isInterruptedOnly(cause)) return "interrupted"
  const failure = Cause.failureOption(cause)
  return (failure._tag === "Some" ? tagOf(failure.value) : undefined) ?? "unexpected"
}

/** Logs an unexpected failure with a fresh reference id (returned), so whoever reads the log can find it. */
export const logWithReference = (text: string, cause: unknown): Effect.Effect<string> => {
  const reference = newReference()
  return Effect.as(Effect.logError(text, cause).pipe(Effect.annotateLogs("reference", reference)), reference)
}
