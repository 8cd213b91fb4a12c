// Acknowledgement latency of slash commands at 1, 50 and 200 concurrent commands, the simulator
// answering every Scalingo request in 1 s, against the bare Bolt app. Runs alternate bare/bot so
// both see the same machine; between bot runs, every answer is awaited so runs do not overlap.
import type { BenchWorld } from "../lib/benchWorld.js"
import { SIGNING_SECRET } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import type { LoadCommand, LoadReply } from "../lib/loadProtocol.js"
import type { FigureResult, Row } from "../lib/report.js"
import { percentile, spread } from "../lib/stats.js"
import type { UserPool } from "../lib/userPool.js"

export interface AckLevel {
  /** Commands in flight at once. */
  readonly concurrency: number
  /** Commands per run (= concurrency for a burst; more for the sequential level). */
  readonly commands: number
}

export const ACK_LEVELS: ReadonlyArray<AckLevel> = [
  { concurrency: 1, commands: 100 },
  { concurrency: 50, commands: 50 },
  { concurrency: 200, commands: 200 }
]

const SCALINGO_LATENCY_MS = 1_000
/** "Never near 3 s": under half of Slack's deadline, on loopback. */
const WORST_ACK_LIMIT_MS = 1_500

interface RunStats {
  p50: number
  p99: number
  max: number
  failed: number
}

const statsOf = (reply: LoadReply): RunStats => ({
  p50: percentile(reply.latencies, 50),
  p99: percentile(reply.latencies, 99),
  max: Math.max(...reply.latencies),
  failed: reply.statuses.filter((s) => s !== 200).length
})

export interface AckOptions {
  /** Warm up first (JIT, pools, region lists); a second measurement in the same run can skip it. */
  readonly warmUp?: boolean
  /** Said in the title and notes: e.g. "with a CPU hog spinning on every core". */
  readonly condition?: string
  readonly id?: string
}

/** Issue 9's targets: p99 at 50 and 200 at once within 1.5x the bare app's, in the same run. */
const P99_TARGET = 1.5

export const ackLatencyFigure = async (
  world: BenchWorld,
  bot: Child,
  bare: Child,
  pool: UserPool,
  runs: number,
  options: AckOptions = {}
): Promise<FigureResult> => {
  const commandsFor = (count: number): Array<LoadCommand> =>
    Array.from({ length: count }, () => ({
      text: "apps",
      userId: pool.next().userId,
      responseUrl: world.slack.responseUrl()
    }))

  /** Fires at `target`; for the bot, waits until every command has been answered on its response_url. */
  const fire = async (target: Child, level: AckLevel) => {
    world.slack.reset()
    const commands = commandsFor(level.commands)
    const reply = await world.load.fire(target.url, SIGNING_SECRET, commands, level.concurrency)
    if (target === bot)
      await world.until(
        `${commands.length} answers to apps`,
        () => world.slack.responses.length >= reply.statuses.filter((s) => s === 200).length,
        60_000
      )
    return {
      reply,
      budgetAnswers: world.slack.responses.filter((r) => JSON.stringify(r.body).includes("request budget")).length
    }
  }

  world.sim.faults.add({ latencyMs: SCALINGO_LATENCY_MS })
  type LevelRuns = { bot: Array<RunStats>; bare: Array<RunStats>; budgetAnswers: number; errors: Array<string> }
  const perLevel: Record<number, LevelRuns> = {}
  try {
    // Warm-up (not recorded): JIT, connection pools, each account's region list.
    if (options.warmUp !== false) {
      await fire(bare, { concurrency: 200, commands: pool.users.length })
      await fire(bot, { concurrency: 200, commands: pool.users.length })
    }
    for (const level of ACK_LEVELS) {
      const entry: LevelRuns = { bot: [], bare: [], budgetAnswers: 0, errors: [] }
      perLevel[level.concurrency] = entry
      for (let run = 0; run < runs; run++) {
        const bareRun = await fire(bare, level)
        entry.bare.push(statsOf(bareRun.reply))
        const botRun = await fire(bot, level)
        entry.bot.push(statsOf(botRun.reply))
        entry.budgetAnswers += botRun.budgetAnswers
        entry.errors.push(...botRun.reply.errors, ...bareRun.reply.errors)
      }
    }
  } finally {
    world.sim.faults.clear()
  }

  const rows: Array<Row> = []
  let worst = 0
  let failed = 0
  for (const level of ACK_LEVELS) {
    const entry = perLevel[level.concurrency]!
    const label = level.concurrency === 1 ? `1 at a time (${level.commands} per run)` : `${level.concurrency} at once`
    const p50 = spread(entry.bot.map((r) => r.p50)),
      bareP50 = spread(entry.bare.map((r) => r.p50))
    const p99 = spread(entry.bot.map((r) => r.p99)),
      bareP99 = spread(entry.bare.map((r) => r.p99))
    const ratio = p99.median / bareP99.median
    rows.push(
      {
        metric: `ack p50, ${label}`,
        unit: "ms",
        bot: p50,
        baseline: { label: "bare", value: bareP50 },
        ratio: p50.median / bareP50.median
      },
      {
        metric: `ack p99, ${label}`,
        unit: "ms",
        bot: p99,
        baseline: { label: "bare", value: bareP99 },
        ratio,
        // One at a time, the p99 is a few ms either way: the targets are about load.
        ...(level.concurrency === 1 ? {} : { target: `<= ${P99_TARGET}x bare`, met: ratio <= P99_TARGET })
      }
    )
    worst = Math.max(worst, ...entry.bot.map((r) => r.max))
    failed += entry.bot.reduce((sum, r) => sum + r.failed, 0)
  }
  const worstBare = Math.max(...Object.values(perLevel).flatMap((e) => e.bare.map((r) => r.max)))
  rows.push({
    metric: "slowest bot ack, any level (not 200 = failed)",
    unit: "ms",
    bot: spread([worst]),
    baseline: { label: "bare", value: spread([worstBare]) },
    target: `< ${WORST_ACK_LIMIT_MS} ms, none failed`,
    met: worst < WORST_ACK_LIMIT_MS && failed === 0
  })
  const budgetAnswers = Object.values(perLevel).reduce((sum, e) => sum + e.budgetAnswers, 0)
  const errors = [...new Set(Object.values(perLevel).flatMap((e) => e.errors))]
  return {
    id: options.id ?? "ack-latency",
    title:
      `Slash command acknowledgement (Scalingo answering in ${SCALINGO_LATENCY_MS / 1000} s` +
      `${options.condition === undefined ? "" : `, ${options.condition}`})`,
    rows,
    notes: [
      `\`apps\` by ${pool.users.length} linked people (one Scalingo account each, two regions); ` +
        `${runs} runs per level, bare and bot alternating; p99 of a 50-command burst is its slowest command.`,
      "Latency = POST /slack/events sent → response read, measured in a separate load-generator thread.",
      ...(failed > 0 ? [`${failed} bot acknowledgements were not 200.`] : []),
      ...(budgetAnswers > 0
        ? [
            `${budgetAnswers} answers said the account's request budget was spent (should be 0: the load is ` +
              `spread over the pool).`
          ]
        : []),
      ...(errors.length > 0 ? [`transport errors: ${errors.slice(0, 3).join("; ")}`] : [])
    ],
    details: { levels: ACK_LEVELS, perLevel, scalingoLatencyMs: SCALINGO_LATENCY_MS }
  }
}
