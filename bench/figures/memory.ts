// Resident memory idle, after 1,000 and after 10,000 cheap commands (`help` and `whoami`
// alternating, 50 in flight), for a fresh bot and a fresh bare Bolt app. Memory is sampled after
// every 1,000 so growth per command shows as a trend, not one point.
import type { BenchWorld } from "../lib/benchWorld.js"
import { SIGNING_SECRET } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import { connectInspector, type Inspector } from "../lib/inspector.js"
import { cpuMs, rssMiB } from "../lib/procfs.js"
import type { FigureResult } from "../lib/report.js"
import { single } from "../lib/stats.js"

const SETTLE_MS = 1_000

export interface MemoryPlan {
  readonly total: number
  readonly chunk: number
  readonly inFlight: number
}

export const DEFAULT_MEMORY: MemoryPlan = { total: 10_000, chunk: 1_000, inFlight: 50 }

interface Sample {
  commands: number
  rss: number
  heapAfterGc?: number
}
interface Trace {
  idle: number
  samples: Array<Sample>
  commandsPerSecond: number
  cpuPerCommand: number
  failed: number
}

export const memoryFigure = async (world: BenchWorld, plan: MemoryPlan = DEFAULT_MEMORY): Promise<FigureResult> => {
  world.sim.faults.clear()
  const trace = async (target: Child, inspector: Inspector, answers: boolean): Promise<Trace> => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    await settle()
    const result: Trace = { idle: rssMiB(target.pid), samples: [], commandsPerSecond: 0, cpuPerCommand: 0, failed: 0 }
    let sent = 0,
      busyMs = 0
    const cpuBefore = cpuMs(target.pid)
    while (sent < plan.total) {
      world.slack.reset()
      const commands = Array.from({ length: plan.chunk }, (_, i) => ({
        text: (sent + i) % 2 === 0 ? "help" : "whoami",
        userId: "UMEMORY",
        responseUrl: world.slack.responseUrl()
      }))
      const started = performance.now()
      const fired = await world.load.fire(target.url, SIGNING_SECRET, commands, plan.inFlight)
      const ok = fired.statuses.filter((s) => s === 200).length
      result.failed += commands.length - ok
      if (answers) await world.until(`${ok} answers`, () => world.slack.responses.length >= ok, 60_000)
      busyMs += performance.now() - started
      sent += commands.length
      const checkpoint = sent === plan.chunk || sent >= plan.total
      if (!checkpoint) {
        result.samples.push({ commands: sent, rss: rssMiB(target.pid) })
        continue
      }
      // RSS as the process left it, then the heap that survives a full collection (only here, so
      // forced collections do not shape the RSS trend in between).
      await settle()
      const rss = rssMiB(target.pid)
      result.samples.push({ commands: sent, rss, heapAfterGc: await inspector.heapAfterGc() })
    }
    result.commandsPerSecond = (sent * 1000) / busyMs
    result.cpuPerCommand = (cpuMs(target.pid) - cpuBefore) / sent
    return result
  }

  // The inspector (loopback, ephemeral port) only serves the forced collections at the checkpoints.
  const inspect = ["--inspect=127.0.0.1:0"]
  const bot = await world.startBot(inspect)
  let botTrace: Trace
  try {
    const member = world.sim.createAccount({ username: "memory-user", regions: ["osc-fr1"] })
    await world.link(bot, "UMEMORY", member.apiToken)
    const inspector = await connectInspector(bot)
    botTrace = await trace(bot, inspector, true).finally(() => inspector.close())
  } finally {
    await bot.stop()
  }
  const bare = await world.startBare(inspect)
  let bareTrace: Trace
  try {
    const inspector = await connectInspector(bare)
    bareTrace = await trace(bare, inspector, false).finally(() => inspector.close())
  } finally {
    await bare.stop()
  }

  const at = (t: Trace, commands: number) => t.samples.find((s) => s.commands === commands)?.rss ?? Number.NaN
  const heapAt = (t: Trace, commands: number) =>
    t.samples.find((s) => s.commands === commands)?.heapAfterGc ?? Number.NaN
  const first = plan.chunk,
    last = plan.total
  const percent = (from: number, to: number) => (100 * (to - from)) / from
  const growth = percent(at(botTrace, first), at(botTrace, last))
  const bareGrowth = percent(at(bareTrace, first), at(bareTrace, last))
  const heapGrowth = percent(heapAt(botTrace, first), heapAt(botTrace, last))
  const bareHeapGrowth = percent(heapAt(bareTrace, first), heapAt(bareTrace, last))
  const halfway = botTrace.samples[Math.floor(botTrace.samples.length / 2) - 1]
  const lateGrowth = halfway === undefined ? Number.NaN : percent(halfway.rss, at(botTrace, last))
  const ofBare = (value: number) => ({ label: "bare Bolt", value: single(value) })
  return {
    id: "memory",
    title: `Memory over ${last.toLocaleString("en")} commands`,
    rows: [
      {
        metric: "RSS idle (fresh process, one person linked)",
        unit: "MiB",
        bot: single(botTrace.idle),
        baseline: ofBare(bareTrace.idle)
      },
      {
        metric: `RSS after ${first.toLocaleString("en")} commands`,
        unit: "MiB",
        bot: single(at(botTrace, first)),
        baseline: ofBare(at(bareTrace, first))
      },
      {
        metric: `RSS after ${last.toLocaleString("en")} commands`,
        unit: "MiB",
        bot: single(at(botTrace, last)),
        baseline: ofBare(at(bareTrace, last))
      },
      {
        metric: `RSS growth from ${first.toLocaleString("en")} to ${last.toLocaleString("en")} commands`,
        unit: "%",
        bot: single(growth),
        baseline: ofBare(bareGrowth),
        target: "<= 10%",
        met: growth <= 10
      },
      {
        metric: `V8 heap after a full GC, after ${first.toLocaleString("en")} commands`,
        unit: "MiB",
        bot: single(heapAt(botTrace, first)),
        baseline: ofBare(heapAt(bareTrace, first))
      },
      {
        metric: `V8 heap after a full GC, after ${last.toLocaleString("en")} commands`,
        unit: "MiB",
        bot: single(heapAt(botTrace, last)),
        baseline: ofBare(heapAt(bareTrace, last))
      },
      {
        metric: "retained heap growth (memory kept per command)",
        unit: "%",
        bot: single(heapGrowth),
        baseline: ofBare(bareHeapGrowth),
        target: "<= 10%",
        met: heapGrowth <= 10
      },
      {
        metric: `throughput, ${plan.inFlight} in flight`,
        unit: "cmd/s",
        bot: single(botTrace.commandsPerSecond),
        baseline: ofBare(bareTrace.commandsPerSecond)
      },
      {
        metric: "CPU per command",
        unit: "ms",
        bot: single(botTrace.cpuPerCommand),
        baseline: ofBare(bareTrace.cpuPerCommand)
      }
    ],
    notes: [
      `\`help\` and \`whoami\` alternating, ${plan.inFlight} in flight, the bot answering each on its ` +
        "response_url (the bare app only acknowledges). Both processes run with --inspect on loopback so a full " +
        `GC can be forced at ${first.toLocaleString("en")} and ${last.toLocaleString("en")} commands ` +
        "(after RSS is read).",
      `RSS after every ${plan.chunk.toLocaleString("en")} commands: bot ` +
        `${botTrace.samples.map((s) => s.rss.toFixed(0)).join(", ")} MiB; bare ` +
        `${bareTrace.samples.map((s) => s.rss.toFixed(0)).join(", ")} MiB. Bot RSS growth over the second ` +
        `half: ${lateGrowth.toFixed(1)}%.`,
      ...(botTrace.failed + bareTrace.failed > 0
        ? [`not acknowledged with 200: bot ${botTrace.failed}, bare ${bareTrace.failed}`]
        : [])
    ],
    details: { plan, bot: botTrace, bare: bareTrace }
  }
}
