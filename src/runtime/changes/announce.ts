import { Effect } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import { show } from "../replies/Replies.js"
import { Reply } from "../replies/Reply.js"
import { followInBackground, type Progress } from "./progress.js"

/**
 * Tells the channel a change was sent, then keeps that one message up to date from the change's
 * status (an operation, a deployment…) until it is done or failed. Without a status to follow
 * (Scalingo applied it at once), the message says it is done.
 */
export const announceAndFollow = <R>(options: {
  readonly channel: string
  readonly poll: Effect.Effect<Progress, unknown, R> | undefined
  readonly render: (progress: Progress) => Message
}) =>
  Effect.gen(function* () {
    const first: Progress =
      options.poll === undefined ? { _tag: "Done", seconds: 0 } : { _tag: "Running", status: "pending" }
    const posted = yield* show(
      Reply.Post({ channel: options.channel, message: options.render(first), orPrivately: () => options.render(first) })
    )
    if (options.poll === undefined || posted.ts === undefined || posted.channel === undefined) return
    yield* followInBackground({ channel: posted.channel, ts: posted.ts, poll: options.poll, render: options.render })
  })
