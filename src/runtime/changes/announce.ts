import { Clock, Effect } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import type { ScalingoAccount } from "../../scalingo/ScalingoAccount.js"
import { show } from "../replies/Replies.js"
import { Reply } from "../replies/Reply.js"
import { pollOperation } from "./operationProgress.js"
import { followInBackground, type Progress } from "./progress.js"

/**
 * Tells the channel a change was sent, then keeps that one message up to date from Scalingo's
 * operation until it is done or failed. Without an operation to follow (Scalingo applied it at once),
 * the message says it is done.
 */
export const announceAndFollow = (options: {
  readonly account: ScalingoAccount
  readonly channel: string
  readonly region: string
  readonly operationUrl: string | undefined
  readonly render: (progress: Progress) => Message
}) =>
  Effect.gen(function* () {
    const startedAt = yield* Clock.currentTimeMillis
    const first: Progress =
      options.operationUrl === undefined ? { _tag: "Done", seconds: 0 } : { _tag: "Running", status: "pending" }
    const posted = yield* show(
      Reply.Post({ channel: options.channel, message: options.render(first), orPrivately: () => options.render(first) })
    )
    if (options.operationUrl === undefined || posted.ts === undefined || posted.channel === undefined) return
    yield* followInBackground({
      channel: posted.channel,
      ts: posted.ts,
      poll: pollOperation(options.account, options.region, options.operationUrl, startedAt),
      render: options.render
    })
  })
