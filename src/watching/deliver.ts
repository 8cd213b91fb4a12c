import { Effect, Option } from "effect"
import { Reply } from "../runtime/replies/Reply.js"
import { BURST, crashAlertMessage, deploymentLogMessage, deploymentMessage, eventsMessage } from "./watchView.js"
import { DeploymentsApi, failureKind, isFinished } from "../scalingo/DeploymentsApi.js"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"
import type { ScalingoEvent } from "../scalingo/schemas/events/index.js"
import { DeliveryLedger } from "../storage/DeliveryLedger.js"
import type { Subscription } from "../storage/Subscriptions.js"
import type { AppRead } from "./appRead.js"
import { deploymentKey, deploymentLogKey, eventKey, olderThan, recordSeen, showAndRecord } from "./posting.js"

const CRASHES = new Set(["crash", "repeated_crash"])

/** What one group's read offers every subscription of it: the app's state, read at most once and only if needed. */
export interface ReadContext {
  readonly account: ScalingoAccount
  readonly read: AppRead
  readonly appStatus: Effect.Effect<string | undefined>
}

const follows = (s: Subscription, kind: "deploys" | "crashes") => s.follows.includes(kind) || s.follows.includes("all")

/**
 * One deployment message per deployment: posted on first sight, edited in place when its status
 * changes, its build log's tail in the thread once it failed. Recorded after each step.
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
    for (const d of deployments) {
      const key = deploymentKey(d.id)
      const finished = isFinished(d)
      const state = d.status ?? (finished ? "finished" : "unknown")
      const entry = seen.get(key)
      const render = deploymentMessage(s.app, s.region, d, finished)
      let ts = entry?.ts ?? null
      if (entry === undefined) {
        if (olderThan(s, since, d.created_at)) {
          yield* recordSeen(s, [{ key, state }])
          continue
        }
        ts = yield* showAndRecord(s, [{ key, state }], Reply.Post({ channel: s.channelId, message: render }))
      } else if (entry.ts !== null && entry.state !== state) {
        yield* showAndRecord(
          s,
          [{ key, state }],
          Reply.Update({ channel: s.channelId, ts: entry.ts, message: render }),
          entry.ts
        )
      }
      if (ts === null || !finished || failureKind(d) === undefined || seen.has(deploymentLogKey(d.id))) continue
      // A log Scalingo could not give now is asked for again at the next read; "no log" (404) is said once.
      const read = yield* Effect.either(api.output(context.account, s.region, s.app, d.id))
      if (read._tag === "Left") continue
      const log = Option.getOrUndefined(read.right)
      yield* showAndRecord(
        s,
        [{ key: deploymentLogKey(d.id), state: "posted" }],
        Reply.Post({ channel: s.channelId, threadTs: ts, message: deploymentLogMessage(s.app, d, log) })
      )
    }
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
      yield* showAndRecord(
        s,
        [{ key: eventKey(event.id), state: "posted" }],
        Reply.Post({ channel: s.channelId, message })
      )
    }
    const batches = others.length > BURST ? [others] : others.map((e) => [e])
    for (const batch of batches) {
      const items = batch.map((e) => ({ key: eventKey(e.id), state: "posted" }))
      yield* showAndRecord(s, items, Reply.Post({ channel: s.channelId, message: eventsMessage(s.app, batch) }))
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
