import { Effect, Layer } from "effect"
import { Reply } from "../runtime/replies/Reply.js"
import { type RestartSent, RestartSentListener } from "../runtime/restartSent.js"
import { EventsApi } from "../scalingo/EventsApi.js"
import { DeliveryLedger } from "../storage/DeliveryLedger.js"
import { Subscriptions } from "../storage/Subscriptions.js"
import { EVENTS_PER_READ } from "./appRead.js"
import { crashAlertMessage } from "./crashAlertView.js"
import { say } from "../blockKit/blocks.js"
import { CRASH_ALERT, CRASH_ALERT_RESTARTED, eventKey, showTo } from "./posting.js"

/** Crash alerts older than this are history: a restart does not edit them. */
const OPEN_FOR_MS = 24 * 3600_000

/**
 * A restart sent in a channel edits that channel's open crash alerts of the app: who restarted and
 * when, their Restart button retired. The alert is rendered again from the crash event (read with the
 * restarter's account); one Scalingo no longer lists gets the news in its thread instead.
 */
const retireCrashAlerts = (sent: RestartSent) =>
  Effect.gen(function* () {
    const subscriptions = yield* Subscriptions
    const ledger = yield* DeliveryLedger
    const events = yield* EventsApi
    const key = { teamId: sent.teamId, channelId: sent.channelId, app: sent.app }
    const subscription = yield* subscriptions.find(key)
    if (subscription._tag === "None") return
    const s = subscription.value
    const open = (yield* ledger.inState(s, CRASH_ALERT, new Date(sent.at.getTime() - OPEN_FOR_MS))).filter(
      (alert) => alert.ts !== null
    )
    if (open.length === 0) return
    const page = yield* events.appEvents(sent.account, s.region, s.app, { page: 1, perPage: EVENTS_PER_READ })
    const restarted = { userId: sent.userId, at: sent.at }
    for (const alert of open) {
      const event = page.events.find((e) => eventKey(e.id) === alert.itemKey)
      const reply =
        event === undefined
          ? Reply.Post({
              channel: s.channelId,
              threadTs: alert.ts!,
              message: say(`:arrows_counterclockwise: <@${sent.userId}> sent a restart of this app.`)
            })
          : Reply.Update({
              channel: s.channelId,
              ts: alert.ts!,
              message: crashAlertMessage(s.app, s.region, event, undefined, restarted)
            })
      yield* showTo(s, reply).pipe(
        Effect.catchAll((refused) =>
          Effect.logWarning("could not mark a crash alert restarted", { code: refused.code })
        )
      )
      yield* ledger.record(s, alert.itemKey, CRASH_ALERT_RESTARTED, alert.ts)
    }
  })

/** Watching listens to restarts sent, with the services it needs captured once. */
export const CrashAlertsLive = Layer.effect(
  RestartSentListener,
  Effect.map(
    Effect.context<Subscriptions | DeliveryLedger | EventsApi | Effect.Effect.Context<ReturnType<typeof showTo>>>(),
    (context) =>
      RestartSentListener.of({
        restartSent: (sent) =>
          retireCrashAlerts(sent).pipe(
            Effect.catchAll((error) =>
              Effect.logWarning("could not edit the crash alerts of a restarted app", { error: error._tag })
            ),
            Effect.provide(context)
          )
      })
  )
)
