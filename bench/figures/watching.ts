// Watching apps: the Scalingo requests polling spends per minute for 1, 10 and 50 subscribed apps of
// one account (the real watcher in-process against the simulator, polling every second so that only its
// half-budget pacing limits it), and the delay from a Scalingo push to the posted message (the real bot,
// PUBLIC_URL set, polling every 10 minutes so only the push can explain a message).
import { Effect } from "effect"
import { Subscriptions } from "../../src/storage/Subscriptions.js"
import { startCommandKit } from "../../test/support/commandKit.js"
import type { BenchWorld } from "../lib/benchWorld.js"
import { SIGNING_SECRET } from "../lib/benchWorld.js"
import type { FigureResult, Row } from "../lib/report.js"
import { maxInSlidingWindow, percentile, single } from "../lib/stats.js"
import { sendSlashCommand } from "../../test/support/slackRequests.js"

const PER_MINUTE = 60
const READ_PATH = /^\/v1\/apps\/[^/]+\/(events|deployments)$/

export const pollingFigure = async (measureMs: number): Promise<FigureResult> => {
  const kit = await startCommandKit({
    requestsPerMinute: PER_MINUTE,
    watch: { pollSeconds: 1 },
    simulator: { requestsPerMinute: PER_MINUTE }
  })
  try {
    const sizes = [1, 10, 50]
    for (const size of sizes) {
      const username = `watch-${size}`
      kit.sim.createAccount({ username })
      for (let i = 0; i < size; i++) kit.sim.addApp(username, "osc-fr1", { name: `w${size}-app-${i}` })
      await kit.link(`U-W${size}`, username)
      // Stored directly: subscribing 50 apps through the command would itself spend minutes of budget.
      await kit.run(
        Effect.flatMap(Subscriptions, (store) =>
          Effect.forEach(
            Array.from({ length: size }, (_, i) => i),
            (i) =>
              store.upsert({
                teamId: "T0001",
                channelId: `C-W${size}`,
                app: `w${size}-app-${i}`,
                region: "osc-fr1",
                follows: ["crashes", "deploys"],
                subscriberUserId: `U-W${size}`,
                notifierId: null,
                webhookSecretHash: null
              }),
            { discard: true }
          )
        )
      )
    }
    const from = Date.now()
    await new Promise((resolve) => setTimeout(resolve, measureMs))
    const rows: Array<Row> = []
    const details: Record<string, unknown> = {}
    for (const size of sizes) {
      const reads = kit.sim.requests.filter(
        (r) => r.at >= from && r.account === `watch-${size}` && READ_PATH.test(r.path)
      )
      const perMinute = (reads.length * 60_000) / measureMs
      const worst = maxInSlidingWindow(
        reads.map((r) => r.at),
        60_000
      )
      const appReads = reads.filter((r) => r.path.endsWith("/events")).length
      const everySeconds = appReads > 0 ? (measureMs / 1000) * (size / appReads) : Number.NaN
      details[`apps_${size}`] = {
        requests: reads.length,
        perMinute,
        worstMinute: worst,
        readEverySeconds: everySeconds
      }
      rows.push({
        metric:
          `polling, ${size} app${size === 1 ? "" : "s"}: requests per minute ` +
          `(each app read every ~${Math.round(everySeconds)} s)`,
        unit: "req/min",
        bot: single(Math.round(perMinute * 10) / 10),
        target: `≤ ${PER_MINUTE / 2} (half of ${PER_MINUTE}) in any 60 s`,
        met: worst <= PER_MINUTE / 2
      })
    }
    return {
      id: "watch-polling",
      title: "Watching: polling requests",
      rows,
      notes: [
        `Polling every second over ${Math.round(measureMs / 1000)} s, budget ${PER_MINUTE} a minute: reads take ` +
          "turns spaced so polling keeps to half of it; with many apps the interval stretches instead.",
        "Each read is 2 requests (newest events page + newest deployments page); channels of one app share it."
      ],
      details
    }
  } finally {
    await kit.close()
  }
}

export const pushDelayFigure = async (world: BenchWorld, samples: number): Promise<FigureResult> => {
  const bot = await world.startBot([], (port) => ({
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SUBSCRIPTION_POLL_SECONDS: "600"
  }))
  try {
    const account = world.sim.createAccount({ username: "watch-push" })
    world.sim.addApp("watch-push", "osc-fr1", { name: "push-app" })
    await world.link(bot, "U-PUSH", account.apiToken)
    await sendSlashCommand(bot.url, SIGNING_SECRET, {
      text: "subscribe push-app crashes",
      userId: "U-PUSH",
      channelId: "C-PUSH",
      responseUrl: world.slack.responseUrl()
    })
    await world.until("the subscription", () => world.sim.notifiersOf("watch-push", "osc-fr1", "push-app").length > 0)
    const delays: Array<number> = []
    for (let i = 0; i < samples; i++) {
      // Spaced beyond one read's polling turn (about 4.3 s at 60 a minute), so each push is its own read.
      await new Promise((resolve) => setTimeout(resolve, 4_500))
      const seen = world.slack.calls.length
      const started = performance.now()
      world.sim.crashApp("watch-push", "osc-fr1", "push-app")
      await world.record(
        (r) =>
          r.kind === "call" &&
          r.method === "chat.postMessage" &&
          world.slack.calls.indexOf(r) >= seen &&
          r.params.channel === "C-PUSH",
        20_000
      )
      delays.push(performance.now() - started)
    }
    const p50 = percentile(delays, 50)
    const p99 = percentile(delays, 99)
    return {
      id: "watch-push",
      title: "Watching: push to message",
      rows: [
        {
          metric: "Scalingo push → crash message posted, p50",
          unit: "ms",
          bot: single(p50),
          target: "≤ 5000",
          met: p50 <= 5000
        },
        {
          metric: "Scalingo push → crash message posted, p99",
          unit: "ms",
          bot: single(p99),
          target: "≤ 5000",
          met: p99 <= 5000
        }
      ],
      notes: [
        `${samples} crashes, each delivered by the simulator's webhook to the bot's doorbell, which reads the app's ` +
          "events through the API (polling every 10 minutes, so only the push explains the message)."
      ],
      details: { delaysMs: delays.map((d) => Math.round(d)) }
    }
  } finally {
    await bot.stop()
  }
}
