// Start-up time to a ready /healthz and idle memory: the bot (`node dist/main.js`, fresh SQLite
// database, migrations included) against the bare Bolt app, alternating so both see the same machine.
import type { BenchWorld } from "../lib/benchWorld.js"
import { rssMiB } from "../lib/procfs.js"
import type { FigureResult } from "../lib/report.js"
import { spread } from "../lib/stats.js"

const SETTLE_MS = 1_500

export const startupFigure = async (world: BenchWorld, runs: number): Promise<FigureResult> => {
  const bot = { ready: [] as Array<number>, rss: [] as Array<number> }
  const bare = { ready: [] as Array<number>, rss: [] as Array<number> }
  for (let run = 0; run < runs; run++) {
    for (const [side, start] of [
      [bare, world.startBare],
      [bot, world.startBot]
    ] as const) {
      const child = await start()
      side.ready.push(child.readyMs)
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
      side.rss.push(rssMiB(child.pid))
      await child.stop()
    }
  }
  const ready = spread(bot.ready),
    bareReady = spread(bare.ready)
  const ratio = ready.median / bareReady.median
  return {
    id: "startup",
    title: "Start-up and idle memory",
    rows: [
      {
        metric: "spawn → GET /healthz answers 200",
        unit: "ms",
        bot: ready,
        baseline: { label: "bare Bolt", value: bareReady },
        ratio,
        target: "< 1.5x bare",
        met: ratio < 1.5
      },
      {
        metric: `resident memory (VmRSS), idle ${SETTLE_MS / 1000} s after ready`,
        unit: "MiB",
        bot: spread(bot.rss),
        baseline: { label: "bare Bolt", value: spread(bare.rss) }
      }
    ],
    notes: [
      `${runs} starts of each, alternating; each bot start opens a new SQLite database (migrations run) and ` +
        `calls auth.test on the fake Slack; /healthz polled every 5 ms.`
    ],
    details: { bot, bare }
  }
}
