import { Clock, Context, Duration, Effect, Either, Schedule } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import { Background } from "../../Background.js"
import { logWithReference } from "../errorMessages.js"
import { type Conversation, show } from "../replies/Replies.js"
import { Reply } from "../replies/Reply.js"

/** What the progress of a change (a Scalingo operation, a deployment…) looks like to its message. */
export type Progress =
  /** Not finished: the status its source reports, and how long it has run so far (when known). */
  | { readonly _tag: "Running"; readonly status: string; readonly seconds?: number }
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

/** How often an operation is read, how long it is followed, and the longest a running message stays unedited. */
export interface Limits {
  readonly every: Duration.DurationInput
  readonly within: Duration.DurationInput
  /** A heartbeat: the elapsed time is shown anew at least this often (plus one read) while it runs. */
  readonly heartbeat?: Duration.DurationInput
}

const finished = (p: Progress) => p._tag !== "Running"

/**
 * How often an operation is read and for how long (the contract: every 2 s at most, 10 minutes at
 * most), and the heartbeat: a running message is edited at least every 10 s (8 s, plus one read).
 */
export class FollowLimits extends Context.Reference<FollowLimits>()("bot/commands/FollowLimits", {
  defaultValue: (): Limits => ({ every: "2 seconds", within: "10 minutes", heartbeat: "8 seconds" })
}) {}

/**
 * Follows a change in the background, editing its channel message in place whenever its status
 * changes, and at least every heartbeat while it runs (the elapsed time moves on, so the message is
 * seen to be alive), never more often than the reads (one every 2 s), until it is done or failed;
 * then always shows the final state: done, failed with Scalingo's reason, or still running after 10
 * minutes with how to check. A read that fails is tried again at the next tick; only a run of them
 * gives up.
 */
export const followInBackground = <R>(
  options: FollowOptions<R>
): Effect.Effect<void, never, Background | Conversation | R> =>
  Effect.gen(function* () {
    const background = yield* Background
    const context = yield* Effect.context<Conversation | R>()
    const started = yield* Clock.currentTimeMillis
    const limits = yield* FollowLimits
    const heartbeat = Duration.toMillis(limits.heartbeat ?? "8 seconds")
    let shown = ""
    let shownStatus = "pending"
    let shownAt = started
    let failedReads = 0
    let last: Progress = { _tag: "Running", status: "pending" }
    const edit = (progress: Progress) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const status = progress._tag === "Running" ? progress.status : progress._tag
        const beat = progress._tag === "Running" && now - shownAt >= heartbeat
        if (status === shownStatus && !beat) return
        const next = options.render(
          progress._tag === "Running" ? { ...progress, seconds: (now - started) / 1000 } : progress
        )
        const text = JSON.stringify(next)
        if (text === shown) return
        shown = text
        shownStatus = status
        shownAt = now
        yield* show(Reply.Update({ channel: options.channel, ts: options.ts, message: next })).pipe(
          Effect.catchAll((error) => Effect.logWarning("could not edit a progress message", { code: error.code }))
        )
      })
    const read = options.poll.pipe(
      Effect.either,
      Effect.map((result): Progress => {
        if (Either.isRight(result)) {
          failedReads = 0
          return result.right
        }
        failedReads += 1
        // An unread status keeps the last one shown: the heartbeat still moves the elapsed time on.
        return failedReads >= 5 ? { _tag: "Unreadable" } : { _tag: "Running", status: shownStatus }
      }),
      Effect.tap((progress) => {
        last = progress
      }),
      Effect.tap(edit)
    )
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
