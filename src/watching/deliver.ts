import { Effect, Option } from "effect"
import { Reply } from "../runtime/replies/Reply.js"
import { crashAlertMessage } from "./crashAlertView.js"
import { BURST, deploymentLogMessage, deploymentMessage, eventsMessage } from "./watchView.js"
import { DeploymentsApi, failureKind, isFinished } from "../scalingo/DeploymentsApi.js"
import type { Message } from "../blockKit/blocks.js"
import type { Deployment } from "../scalingo/schemas/deployment.js"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"
import type { ScalingoEvent } from "../scalingo/schemas/events/index.js"
import { DeliveryLedger } from "../storage/DeliveryLedger.js"
import type { Subscription } from "../storage/Subscriptions.js"
import type { AppRead } from "./appRead.js"
import {
  CRASH_ALERT,
  deploymentKey,
  deploymentLogKey,
  deploymentRepostKey,
  eachItem,
  eventKey,
  isPassing,
  olderThan,
  recordSeen,
  showAndRecord
} from "./posting.js"

const CRASHES = new Set(["crash", "repeated_crash"])

/** What one group's read offers every subscription of it: the app's state, read at most once and only if needed. */
export interface ReadContext {
  readonly account: ScalingoAccount
  readonly read: AppRead
  readonly appStatus: Effect.Effect<string | undefined>
}

const follows = (s: Subscription, kind: "deploys" | "crashes") => s.follows.includes(kind) || s.follows.includes("all")

/**
 * Edits a deployment's message in place. When Slack will not edit it any more (someone deleted it, or it
 * can no longer be edited), the new status is posted anew once; if that one goes too, later statuses are
 * only recorded. Returns the ts later steps (the build log's thread) use, null when there is none.
 */
const editDeployment = (s: Subscription, id: string, state: string, ts: string, render: Message) =>
  showAndRecord(
    s,
    [{ key: deploymentKey(id), state }],
    Reply.Update({ channel: s.channelId, ts, message: render }),
    ts
  ).pipe(
    Effect.catchTag("SlackRefused", (refused) =>
      isPassing(refused.code)
        ? Effect.fail(refused)
        : Effect.gen(function* () {
            const ledger = yield* DeliveryLedger
            const reposted = (yield* ledger.seen(s, [deploymentRepostKey(id)])).size > 0
            yield* Effect.logInfo("a deployment's message can no longer be edited").pipe(
              Effect.annotateLogs({ app: s.app, channel: s.channelId, code: refused.code, reposted })
            )
            if (reposted) {
              yield* recordSeen(s, [{ key: deploymentKey(id), state }])
              return null
            }
            return yield* showAndRecord(
              s,
              [
                { key: deploymentKey(id), state },
                { key: deploymentRepostKey(id), state: "reposted" }
              ],
              Reply.Post({ channel: s.channelId, message: render })
            )
          })
    )
  )

/**
 * One deployment message per deployment: posted on first sight, edited in place when its status
 * changes, its build log's tail in the thread once it failed. Recorded after each step; one
 * deployment Slack refuses never holds up the next.
 */
const deliverDeployments = (s: Subscription, context: ReadContext, since: Date | undefined) =>
  Effect.gen(function* () {
    const ledger = yield* DeliveryLedger
    const api = yield* DeploymentsApi
    const deployments = [...context.read.deployments].reverse()
    const seen = yield* ledger.seen(
      s,
      deployments.flatMap((d) => [deploymentKey(d.id), deploymentLogKey(d.id)])
    )
    const one = (d: Deployment) =>
      Effect.gen(function* () {
        const key = deploymentKey(d.id)
        const finished = isFinished(d)
        const state = d.status ?? (finished ? "finished" : "unknown")
        const entry = seen.get(key)
        const render = deploymentMessage(s.app, s.region, d, finished)
        let ts = entry?.ts ?? null
        if (entry === undefined) {
          if (olderThan(s, since, d.created_at)) return yield* recordSeen(s, [{ key, state }])
          ts = yield* showAndRecord(s, [{ key, state }], Reply.Post({ channel: s.channelId, message: render }))
        } else if (entry.ts !== null && entry.state !== state) {
          ts = yield* editDeployment(s, d.id, state, entry.ts, render)
        }
        if (ts === null || !finished || failureKind(d) === undefined || seen.has(deploymentLogKey(d.id))) return
        // A log Scalingo could not give now is asked for again at the next read; "no log" (404) is said once.
        const read = yield* Effect.either(api.output(context.account, s.region, s.app, d.id))
        if (read._tag === "Left") return
        const log = Option.getOrUndefined(read.right)
        yield* showAndRecord(
          s,
          [{ key: deploymentLogKey(d.id), state: "posted" }],
          Reply.Post({ channel: s.channelId, threadTs: ts, message: deploymentLogMessage(s.app, d, log) })
        )
      })
    for (const d of deployments) yield* eachItem(s, one(d))
  })

/** Crash alerts, and (with `all`) every other event, compact, grouped when a read brings more than a few. */
const deliverEvents = (s: Subscription, context: ReadContext, since: Date | undefined) =>
  Effect.gen(function* () {
    const ledger = yield* DeliveryLedger
    const wanted = context.read.events.filter(
      (e) =>
        e.id !== "" &&
        e.type !== "deployment" &&
        (CRASHES.has(e.type) ? follows(s, "crashes") : s.follows.includes("all"))
    )
    const seen = yield* ledger.seen(
      s,
      wanted.map((e) => eventKey(e.id))
    )
    const fresh = wanted.filter((e) => !seen.has(eventKey(e.id))).reverse()
    const old = fresh.filter((e) => olderThan(s, since, e.created_at))
    if (old.length > 0)
      yield* recordSeen(
        s,
        old.map((e) => ({ key: eventKey(e.id), state: "old" }))
      )
    const news = fresh.filter((e) => !old.includes(e))
    const others: Array<ScalingoEvent> = []
    for (const event of news) {
      if (!CRASHES.has(event.type)) {
        others.push(event)
        continue
      }
      const status = yield* context.appStatus
      const message = crashAlertMessage(s.app, s.region, event, status)
      yield* eachItem(
        s,
        showAndRecord(
          s,
          [{ key: eventKey(event.id), state: CRASH_ALERT }],
          Reply.Post({ channel: s.channelId, message })
        )
      )
    }
    const batches = others.length > BURST ? [others] : others.map((e) => [e])
    for (const batch of batches) {
      const items = batch.map((e) => ({ key: eventKey(e.id), state: "posted" }))
      yield* eachItem(
        s,
        showAndRecord(s, items, Reply.Post({ channel: s.channelId, message: eventsMessage(s.app, batch) }))
      )
    }
  })

/** Everything new in one read for one subscription, deployments first. */
export const deliver = (s: Subscription, context: ReadContext) =>
  Effect.gen(function* () {
    const ledger = yield* DeliveryLedger
    const since = Option.getOrUndefined(yield* ledger.baseline(s))?.since
    if (follows(s, "deploys")) yield* deliverDeployments(s, context, since)
    yield* deliverEvents(s, context, since)
  })
