// The app picker's options (a select's block_suggestion request): how fast the bot answers from its
// per-account cache of app names, against the bare Bolt app answering the same request with no
// options, runs alternating. Every person of the pool has listed their apps already (the ack figure's
// warm-up), so the cache is warm, as for anyone who has used the bot in the last minute.
import { SIGNING_SECRET, type BenchWorld } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import type { LoadCommand } from "../lib/loadProtocol.js"
import type { FigureResult } from "../lib/report.js"
import { percentile, spread } from "../lib/stats.js"
import type { UserPool } from "../lib/userPool.js"

/** Options requests per run, and how many in flight at once (people typing in their pickers). */
const PER_RUN = 100
const IN_FLIGHT = 4
/** Slack waits 3 s for a select's options. */
const SLACK_OPTIONS_DEADLINE_MS = 3_000

export const pickerOptionsFigure = async (
  world: BenchWorld,
  bot: Child,
  bare: Child,
  pool: UserPool,
  runs: number
): Promise<FigureResult> => {
  world.sim.faults.clear()
  const requests = (): Array<LoadCommand> =>
    Array.from({ length: PER_RUN }, (_, i) => {
      const user = pool.next()
      // What people type: nothing yet, or the start of one of their app names.
      return {
        kind: "options",
        text: i % 2 === 0 ? "" : user.username.slice(0, 5),
        userId: user.userId,
        responseUrl: ""
      }
    })
  const fire = (target: Child) => world.load.fire(target.url, SIGNING_SECRET, requests(), IN_FLIGHT)

  await fire(bare)
  await fire(bot)
  const bot50: Array<number> = [],
    bot99: Array<number> = [],
    bare50: Array<number> = [],
    bare99: Array<number> = []
  let worst = 0,
    failed = 0
  for (let run = 0; run < runs; run++) {
    const b = await fire(bare)
    bare50.push(percentile(b.latencies, 50))
    bare99.push(percentile(b.latencies, 99))
    const o = await fire(bot)
    bot50.push(percentile(o.latencies, 50))
    bot99.push(percentile(o.latencies, 99))
    worst = Math.max(worst, ...o.latencies)
    failed += o.statuses.filter((s) => s !== 200).length
  }
  const p50 = spread(bot50),
    p99 = spread(bot99),
    bareP50 = spread(bare50),
    bareP99 = spread(bare99)
  const ratio50 = p50.median / bareP50.median,
    ratio99 = p99.median / bareP99.median
  return {
    id: "picker-options",
    title: "App picker options (block_suggestion), answered from the cache",
    rows: [
      {
        metric: `options answer p50 (${PER_RUN} per run, ${IN_FLIGHT} in flight)`,
        unit: "ms",
        bot: p50,
        baseline: { label: "bare options ack", value: bareP50 },
        ratio: ratio50,
        target: "<= 1.5x bare",
        met: ratio50 <= 1.5
      },
      {
        metric: `options answer p99 (${PER_RUN} per run, ${IN_FLIGHT} in flight)`,
        unit: "ms",
        bot: p99,
        baseline: { label: "bare options ack", value: bareP99 },
        ratio: ratio99,
        target: "<= 1.5x bare",
        met: ratio99 <= 1.5
      },
      {
        metric: "slowest options answer (not 200 = failed)",
        unit: "ms",
        bot: spread([worst]),
        target: `< ${SLACK_OPTIONS_DEADLINE_MS} ms, none failed`,
        met: worst < SLACK_OPTIONS_DEADLINE_MS && failed === 0
      }
    ],
    notes: [
      `${runs} runs of ${PER_RUN} options requests, ${IN_FLIGHT} in flight, spread over the ${pool.users.length} ` +
        "linked people (half with nothing typed, half with the start of an app name), bare and bot alternating. " +
        "The baseline is the bare Bolt app answering the same request with no options; latency = request sent → " +
        "answer read, in the load-generator thread."
    ],
    details: { bot50, bot99, bare50, bare99, worst, failed }
  }
}
