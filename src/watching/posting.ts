import { Data, Effect } from "effect"
import { type Origin, Replies } from "../runtime/replies/Replies.js"
import type { Reply } from "../runtime/replies/Reply.js"
import { CLAIMED, DeliveryLedger } from "../storage/DeliveryLedger.js"
import type { Subscription } from "../storage/Subscriptions.js"

/** Slack would not show a subscription's message; `pauses` when it never will (bot removed, channel gone). */
export class SlackRefused extends Data.TaggedError("SlackRefused")<{
  readonly code: string
  readonly pauses: boolean
}> {}

/** Slack's answers meaning the channel cannot be posted to until someone acts. */
const PAUSING = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "channel_is_archived",
  "access_denied",
  "restricted_action",
  "team_access_not_granted",
  "missing_scope",
  "not_installed",
  "no_destination"
])

const PASSING = new Set([
  "ratelimited",
  "timeout",
  "request_failed",
  "invalid_response",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout"
])

/** Slack's answers after which a later try may well work (busy, unreachable, or no clear answer). */
export const isPassing = (code: string): boolean => PASSING.has(code) || /^http_(5\d\d|408)$/.test(code)

/**
 * One item of a read (a deployment, a crash, a batch of events): Slack refusing it is logged and the
 * next item goes on; only a refusal that pauses the whole subscription (channel gone, bot removed) stops it.
 */
export const eachItem = <A, E, R>(subscription: Subscription, item: Effect.Effect<A, E, R>) =>
  Effect.catchIf(
    item,
    (error) => error instanceof SlackRefused && !error.pauses,
    (error) =>
      Effect.logWarning("Slack did not take a subscription's message; the others go on").pipe(
        Effect.annotateLogs({
          app: subscription.app,
          channel: subscription.channelId,
          code: (error as SlackRefused).code
        })
      )
  )

/** A subscription's messages are shown as its subscriber's (for the interpreter's fallbacks), in its channel. */
export const originOf = (subscription: Subscription): Origin => ({
  person: { teamId: subscription.teamId, userId: subscription.subscriberUserId, userName: "" },
  channelId: subscription.channelId
})

export const showTo = (subscription: Subscription, reply: Reply) =>
  Effect.flatMap(Replies, (replies) => replies.show(originOf(subscription), reply)).pipe(
    Effect.mapError((error) => new SlackRefused({ code: error.code, pauses: PAUSING.has(error.code) }))
  )

/** Slack's answers that leave open whether the message was shown (no answer, or a garbled one). */
export const mayHaveBeenShown = (code: string): boolean =>
  /^(timeout|request_failed|invalid_response|http_5\d\d|http_408)$/.test(code)

/**
 * Shows a message and records it in the ledger, at most once. A new message's items are claimed in the
 * ledger before it is posted and marked with its ts after: if storage fails after Slack took the post,
 * or the process dies in between, the claim stays and the item is never posted again. A claim is given
 * back only when Slack surely did not show the message (it refused it), so a later read tries again.
 * An interruption (SIGTERM) cannot cut the step in two.
 */
export const showAndRecord = (
  subscription: Subscription,
  items: ReadonlyArray<{ readonly key: string; readonly state: string }>,
  reply: Reply,
  keepTs?: string
) =>
  Effect.uninterruptible(
    Effect.gen(function* () {
      const ledger = yield* DeliveryLedger
      // An edit in place is idempotent: repeating it shows nothing twice, so it needs no claim.
      const claimed = keepTs === undefined ? items.map((item) => item.key) : []
      for (const key of claimed) yield* ledger.record(subscription, key, CLAIMED, null)
      const shown = yield* showTo(subscription, reply).pipe(
        Effect.tapError((refused) =>
          claimed.length === 0 || mayHaveBeenShown(refused.code)
            ? Effect.void
            : Effect.ignore(ledger.unclaim(subscription, claimed))
        )
      )
      const ts = keepTs ?? shown.ts ?? null
      for (const item of items) yield* ledger.record(subscription, item.key, item.state, ts)
      return ts
    })
  )

/** Items seen but never to be posted (older than the subscription). */
export const recordSeen = (
  subscription: Subscription,
  items: ReadonlyArray<{ readonly key: string; readonly state: string }>
) =>
  Effect.flatMap(DeliveryLedger, (ledger) =>
    Effect.forEach(items, (item) => ledger.record(subscription, item.key, item.state, null), { discard: true })
  )

/** Before this much earlier than a subscription began, an item is old news (tolerates clock skew). */
export const SKEW_MS = 5 * 60_000

/** Ledger entries not touched for this long are pruned (see Watcher); nothing this old is ever posted either. */
export const LEDGER_KEEPS_MS = 30 * 24 * 3600_000
const NEVER_POSTED_AFTER_MS = LEDGER_KEEPS_MS - 5 * 24 * 3600_000

/** From before the subscription began, or so old its ledger entry may have been pruned: seen, never posted. */
export const olderThan = (subscription: Subscription, since: Date | undefined, at: string | undefined): boolean => {
  const start = (since ?? subscription.createdAt).getTime()
  const time = Date.parse(at ?? "")
  return Number.isFinite(time) && (time < start - SKEW_MS || time < Date.now() - NEVER_POSTED_AFTER_MS)
}

export const deploymentKey = (id: string) => `deployment:${id}`
export const deploymentLogKey = (id: string) => `deploylog:${id}`
export const eventKey = (id: string) => `event:${id}`
/** A crash alert's ledger state while its Restart button is offered, and once a restart was sent. */
export const CRASH_ALERT = "crash-alert"
export const CRASH_ALERT_RESTARTED = "crash-alert-restarted"
/** Marks a deployment whose message was deleted and posted anew: a second deletion is respected. */
export const deploymentRepostKey = (id: string) => `deployment-reposted:${id}`
