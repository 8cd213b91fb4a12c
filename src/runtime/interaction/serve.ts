import { Cause, Clock, Effect } from "effect"
import { type Message, say } from "../../blockKit/blocks.js"
import { BudgetWaitNotice } from "../../scalingo/BudgetWaitNotice.js"
import { type Tally, withTally } from "../../scalingo/RequestTally.js"
import { failureMessage, logWithReference, outcomeOf } from "../errorMessages.js"
import { linkBlocks, retryBlocks } from "../references.js"
import { Conversation, conversationFor, type Origin, type Replies } from "../replies/Replies.js"
import { Reply, type ReplyFailed, type Shown } from "../replies/Reply.js"
import { CommandName } from "./Interaction.js"

/** What one interaction's log line says about it. */
export interface Served {
  /** `command handled`, `click handled`, … */
  readonly what: string
  /** The root span of its trace: `SlashCommand`, `ButtonClick`. */
  readonly span: string
  /** `subcommand`, `action` or `callback`, with its value (`unknown` for words the bot does not know). */
  readonly name: readonly [key: string, value: string]
  readonly command: string
  readonly origin: Origin
  /** The app the interaction is about, when known before the work runs. */
  readonly app?: string | undefined
  /** Show a private "working on it" when no answer came within ~1.5 s (slash commands). */
  readonly workingNote?: boolean
  /** The private message the interaction came from (the app picker) is replaced by the first answer. */
  readonly placeholderShown?: boolean
  /** The command's words, offered as a Retry button when it fails in a way worth trying again. */
  readonly retry?: string | undefined
}

const WORKING_NOTE_AFTER = "1500 millis"
const workingNote = say(":hourglass_flowing_sand: Working on it…")
const doneNote = say(":white_check_mark: Done.")

const budgetNote = (ahead: number, waitSeconds: number) =>
  say(
    ":hourglass_flowing_sand: Waiting for my turn with Scalingo: your account has used the requests " +
      `Scalingo allows this minute${ahead > 0 ? `, and ${ahead} of yours ${ahead === 1 ? "is" : "are"} ahead` : ""}. ` +
      `About ${Math.max(1, Math.ceil(waitSeconds))} s; I'll answer here.`
  )

/** A failure that nothing was changed by and that may pass by itself: Scalingo busy, slow or limiting. */
const worthRetrying = (cause: Cause.Cause<unknown>): boolean => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "None") return false
  const error = failure.value as { _tag?: unknown; mayHaveApplied?: unknown }
  return error._tag === "RateLimited" || (error._tag === "ScalingoUnavailable" && error.mayHaveApplied !== true)
}

/** A failure that a (new) link to a Scalingo account fixes. */
const needsALink = (cause: Cause.Cause<unknown>): boolean => {
  const failure = Cause.failureOption(cause)
  const tag = failure._tag === "Some" ? (failure.value as { _tag?: unknown })._tag : undefined
  return tag === "NoLinkedAccount" || tag === "DeadLink" || tag === "TokenRejected"
}

/** The error's own facts worth logging: the Scalingo request and app it names, never values. */
const failureFacts = (cause: Cause.Cause<unknown>): Record<string, string> => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "None") return {}
  const error = failure.value as { request?: unknown; app?: unknown }
  return {
    ...(typeof error.request === "string" ? { request: error.request } : {}),
    ...(typeof error.app === "string" ? { app: error.app } : {})
  }
}

/**
 * Runs one interaction's work and shows what it returns; every failure ends here as a sentence
 * told privately (never rethrown). Logs one line per interaction: what it was, its outcome (`ok` or
 * the error's tag), how long it took and the Scalingo requests it made.
 */
export const serve = <R>(
  served: Served,
  work: Effect.Effect<Reply | ReadonlyArray<Reply>, unknown, R | Conversation>
): Effect.Effect<void, never, Exclude<R, Conversation> | Replies> =>
  Effect.gen(function* () {
    const raw = yield* conversationFor(served.origin)
    const started = yield* Clock.currentTimeMillis
    const tally: Tally = { requests: [] }
    // A private placeholder (working on it, waiting for the budget) is replaced by the first private
    // answer, or by a short "done" when the answer went elsewhere, so it never lingers.
    const placeholder = { shown: served.placeholderShown === true, replaced: false, anything: false }
    const showReply = (reply: Reply): Effect.Effect<Shown, ReplyFailed> => {
      placeholder.anything = true
      if (reply._tag !== "Private" || !placeholder.shown || placeholder.replaced) return raw.show(reply)
      placeholder.replaced = true
      return raw.show(Reply.Private({ ...reply, replace: true }))
    }
    const conversation = Conversation.of({ origin: served.origin, show: showReply })
    const showPlaceholder = (message: Message) =>
      placeholder.shown || served.origin.responseUrl === undefined
        ? Effect.void
        : Effect.zipRight(
            Effect.sync(() => {
              placeholder.shown = true
            }),
            raw.show(Reply.Private({ message, replace: placeholder.anything })).pipe(Effect.ignore)
          )
    const notice = (wait: { ahead: number; waitSeconds: number }) =>
      showPlaceholder(budgetNote(wait.ahead, wait.waitSeconds))
    const working = Effect.sleep(WORKING_NOTE_AFTER).pipe(
      Effect.zipRight(Effect.suspend(() => (placeholder.anything ? Effect.void : showPlaceholder(workingNote))))
    )

    const exit = yield* work.pipe(
      Effect.flatMap((replies) => Effect.forEach(Array.isArray(replies) ? replies : [replies], showReply)),
      Effect.provideService(Conversation, conversation),
      Effect.provideService(BudgetWaitNotice, notice),
      (effect) => withTally(effect, tally),
      (effect) => (served.workingNote === true ? Effect.zipRight(Effect.forkScoped(working), effect) : effect),
      Effect.scoped,
      Effect.exit
    )
    const outcome = exit._tag === "Success" ? "ok" : outcomeOf(exit.cause)
    if (exit._tag === "Failure" && !Cause.isInterruptedOnly(exit.cause)) {
      const reply = yield* failureMessage(exit.cause, served.command)
      const buttons = needsALink(exit.cause)
        ? linkBlocks()
        : served.retry !== undefined && worthRetrying(exit.cause)
          ? retryBlocks(served.retry)
          : []
      yield* showReply(Reply.Private({ message: { ...reply, blocks: [...reply.blocks, ...buttons] } })).pipe(
        Effect.catchAllCause((cause) => logWithReference("could not tell the person about a failure", cause))
      )
    }
    if (placeholder.shown && !placeholder.replaced)
      yield* showReply(Reply.Private({ message: doneNote })).pipe(Effect.ignore)
    const ended = yield* Clock.currentTimeMillis
    yield* Effect.logInfo(served.what).pipe(
      Effect.annotateLogs({
        [served.name[0]]: served.name[1],
        outcome,
        duration_ms: ended - started,
        scalingo_requests: tally.requests.length,
        ...(tally.requests.length > 0 ? { scalingo: tally.requests.join(", ") } : {}),
        ...(served.app !== undefined ? { app: served.app } : {}),
        ...(exit._tag === "Failure" ? failureFacts(exit.cause) : {})
      })
    )
  }).pipe(
    Effect.provideService(CommandName, served.command),
    Effect.annotateLogs({ slack_team: served.origin.person.teamId, slack_user: served.origin.person.userId }),
    Effect.withSpan(served.span, {
      root: true,
      captureStackTrace: false,
      attributes: { [served.name[0]]: served.name[1] }
    })
  ) as Effect.Effect<void, never, Exclude<R, Conversation> | Replies>
