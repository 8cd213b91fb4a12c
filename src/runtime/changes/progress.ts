import { Clock, Context, type Duration, Effect, Either, Schedule } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import { Background } from "../../Background.js"
import { logWithReference } from "../errorMessages.js"
import { type Conversation, show } from "../replies/Replies.js"
import { Reply } from "../replies/Reply.js"

/** What the progress of a Scalingo operation looks like to the message that follows it. */
export type Progress =
  | { readonly _tag: "Running"; readonly status: string }
  | { readonly _tag: "Done"; readonly seconds: number }
  | { readonly _tag: "Failed"; readonly reason: string; readonly seconds: number }
  /** Still not finished when the bot stopped following it (10 minutes). */
  | { readonly _tag: "StillRunning" }
  /** The operation could not be read (Scalingo trouble): its outcome is unknown to the bot. */
  | { readonly _tag: "Unreadable" }

export interface FollowOptions<R> {
  /** Where the channel message lives; edited in place, never posted again. */
  readonly channel: string
  readonly ts: string
  /** One read of the operation (a Scalingo request within the account's budget). */
  readonly poll: Effect.Effect<Progress, unknown, R>
  readonly render: (progress: Progress) => Message
  /** How often to read: at most once every 2 s. */
  readonly every?: Duration.DurationInput
  /** How long to follow: 10 minutes at most. */
  readonly within?: Duration.DurationInput
}

const finished = (p: Progress) => p._tag !== "Running"

/** How often an operation is read and for how long (the contract: every 2 s at most, 10 minutes at most). */
export class FollowLimits extends Context.Reference<FollowLimits>()("bot/commands/FollowLimits", {
  defaultValue: (): { readonly every: Duration.DurationInput; readonly within: Duration.DurationInput } => ({
    every: "2 seconds",
    within: "10 minutes"
  })
}) {}

/**
 * Follows an operation in the background, editing its channel message in place whenever what it shows
 * changes (never more often than the reads, one every 2 s), until it is done or failed, then always
 * shows the final state: done, failed with Scalingo's reason, or still running after 10 minutes with
 * how to check. A read that fails is tried again at the next tick; only a run of them gives up.
 */
export const followInBackground = <R>(
  options: FollowOptions<R>
): Effect.Effect<void, never, Background | Conversation | R> =>
  Effect.gen(function* () {
    const background = yield* Background
    const context = yield* Effect.context<Conversation | R>()
    let shown = ""
    let failedReads = 0
    let last: Progress = { _tag: "Running", status: "pending" }
    const edit = (progress: Progress) => {
      const next = options.render(progress)
      const text = JSON.stringify(next)
      if (text === shown) return Effect.void
      shown = text
      return show(Reply.Update({ channel: options.channel, ts: options.ts, message: next })).pipe(
        Effect.catchAll((error) => Effect.logWarning("could not edit a progress message", { code: error.code }))
      )
    }
    const read = options.poll.pipe(
      Effect.either,
      Effect.map((result): Progress => {
        if (Either.isRight(result)) {
          failedReads = 0
          return result.right
        }
        failedReads += 1
        return failedReads >= 5 ? { _tag: "Unreadable" } : { _tag: "Running", status: "unknown" }
      }),
      Effect.tap((progress) => {
        last = progress
      }),
      Effect.tap((progress) =>
        progress._tag === "Running" && progress.status === "unknown" ? Effect.void : edit(progress)
      )
    )
    const started = yield* Clock.currentTimeMillis
    const limits = yield* FollowLimits
    const follow = Effect.gen(function* () {
      yield* read.pipe(
        Effect.repeat({
          schedule: Schedule.spaced(options.every ?? limits.every).pipe(Schedule.upTo(options.within ?? limits.within)),
          until: finished
        })
      )
      if (!finished(last)) yield* edit({ _tag: "StillRunning" })
      yield* Effect.logInfo("followed an operation").pipe(
        Effect.annotateLogs({ outcome: last._tag, followed_ms: (yield* Clock.currentTimeMillis) - started })
      )
    }).pipe(
      Effect.catchAllCause((cause) => logWithReference("could not follow an operation", cause)),
      Effect.provide(context)
    )
    yield* background.fork(follow)
  })
