// `npm run bench`: builds the bot as `npm start` does, starts everything on 127.0.0.1 (the bot,
// the bare Bolt baseline, the fake Slack, the Scalingo simulator), measures each figure, prints
// the table and writes it under bench/results/. Exits 0 when it ran, whatever the targets say;
// every child process is stopped at the end, on failure and on Ctrl-C.
// BENCH_QUICK=1 runs a short version (fewer runs and commands) to check the bench itself.
// Every run measures the acknowledgements twice, the second time with a CPU hog spinning on every core;
// `npm run bench -- --hog` (or BENCH_HOG=1) keeps the hog spinning through every figure.
import { loadavg } from "node:os"
import path from "node:path"
import { ackLatencyFigure } from "./figures/ackLatency.js"
import { bearerExchangeFigure } from "./figures/bearerExchange.js"
import { endToEndFigure } from "./figures/endToEnd.js"
import { operateRequestsFigure } from "./figures/operateRequests.js"
import { pickerOptionsFigure } from "./figures/pickerOptions.js"
import { DEFAULT_MEMORY, memoryFigure } from "./figures/memory.js"
import { requestsPerCommandFigure } from "./figures/requestsPerCommand.js"
import { DEFAULT_SATURATION, saturationFigure } from "./figures/saturation.js"
import { startupFigure } from "./figures/startup.js"
import { pollingFigure, pushDelayFigure } from "./figures/watching.js"
import { startBenchWorld, type BenchWorld } from "./lib/benchWorld.js"
import { buildBareBolt, buildBot, repoRoot } from "./lib/build.js"
import { killAllNow, stopAll, type Child } from "./lib/children.js"
import { startHog, withHog } from "./lib/hog.js"
import { notesText, textTable, type FigureResult } from "./lib/report.js"
import { machine, writeResults } from "./lib/results.js"
import { createPool, linkPool } from "./lib/userPool.js"

const quick = process.env.BENCH_QUICK === "1"
const hogEverywhere = process.env.BENCH_HOG === "1" || process.argv.includes("--hog")
const HOG_CONDITION = "with a CPU hog spinning on every core"
const plan = quick
  ? {
      runs: 2,
      startupRuns: 2,
      poolSize: 60,
      e2ePerRun: 10,
      memory: { ...DEFAULT_MEMORY, total: 2_000 },
      saturation: { ...DEFAULT_SATURATION, burst: 60, streamMs: 12_000 }
    }
  : { runs: 5, startupRuns: 5, poolSize: 200, e2ePerRun: 40, memory: DEFAULT_MEMORY, saturation: DEFAULT_SATURATION }

const startedAt = new Date()
const machineAtStart = machine()
const clock = performance.now()
const elapsed = () => `${((performance.now() - clock) / 1000).toFixed(0)} s`
const say = (text: string) => process.stderr.write(`[bench ${elapsed()}] ${text}\n`)

process.on("exit", killAllNow)
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping every process the bench started`)
    void stopAll(1_000).finally(() => process.exit(130))
  })
}

const figures: Array<FigureResult> = []
const loadNow = () => loadavg().map((l) => Number(l.toFixed(2)))
const measure = async (id: string, title: string, run: () => Promise<FigureResult>) => {
  say(`${title}… (load average ${loadNow().join(", ")})`)
  const started = performance.now()
  const loadAtStart = loadNow()
  try {
    const result = await run()
    figures.push({
      ...result,
      details: { ...result.details, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadNow() },
      durationMs: Math.round(performance.now() - started)
    })
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error)
    say(`${title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    figures.push({
      id,
      title,
      rows: [],
      notes: [],
      details: {},
      error: message,
      durationMs: Math.round(performance.now() - started)
    })
  }
}

const main = async () => {
  say("building the bot (npm run build) and the bare Bolt baseline…")
  const buildMs = buildBot()
  buildBareBolt()
  let world: BenchWorld | undefined
  const hog = hogEverywhere ? startHog() : undefined
  if (hog !== undefined) say(`--hog: ${hog.processes} processes spinning on the cores for the whole run`)
  try {
    world = await startBenchWorld()
    const w = world
    await measure("startup", "Start-up and idle memory", () => startupFigure(w, plan.startupRuns))

    say(`starting the bot and the bare app; linking ${plan.poolSize} people…`)
    let bot: Child | undefined, bare: Child | undefined
    const pool = createPool(w, plan.poolSize)
    const ready = (async () => {
      bot = await w.startBot()
      bare = await w.startBare()
      await linkPool(w, bot, pool)
    })()
    const needs = (run: (bot: Child, bare: Child) => Promise<FigureResult>) => async () => {
      await ready
      return run(bot!, bare!)
    }
    await measure(
      "ack-latency",
      "Slash command acknowledgement",
      needs((b, a) => ackLatencyFigure(w, b, a, pool, plan.runs, hogEverywhere ? { condition: HOG_CONDITION } : {}))
    )
    if (!hogEverywhere)
      await measure(
        "ack-latency-hog",
        "Slash command acknowledgement under a CPU hog",
        needs((b, a) =>
          withHog(() =>
            ackLatencyFigure(w, b, a, pool, plan.runs, {
              warmUp: false,
              condition: HOG_CONDITION,
              id: "ack-latency-hog"
            })
          )
        )
      )
    await measure(
      "picker-options",
      "App picker options",
      needs((b, a) => pickerOptionsFigure(w, b, a, pool, plan.runs))
    )
    await measure(
      "end-to-end",
      "End to end",
      needs((b, a) => endToEndFigure(w, b, a, pool, plan.runs, plan.e2ePerRun))
    )
    await measure(
      "requests-per-command",
      "Scalingo requests per command",
      needs((b) => requestsPerCommandFigure(w, b))
    )
    await measure(
      "operate-requests",
      "Scalingo requests per operating command",
      needs((b) => operateRequestsFigure(w, b))
    )
    await measure(
      "bearer-exchange",
      "Bearer exchanges",
      needs((b) => bearerExchangeFigure(w, b))
    )
    await measure(
      "saturation",
      "Budget under saturation",
      needs((b) => saturationFigure(w, b, plan.saturation))
    )
    await ready.catch(() => undefined)
    await Promise.all([bot?.stop(), bare?.stop()])

    await measure("memory", "Memory over many commands", () => memoryFigure(w, plan.memory))
    await measure("watch-polling", "Watching: polling requests", () => pollingFigure(quick ? 20_000 : 70_000))
    await measure("watch-push", "Watching: push to message", () => pushDelayFigure(w, quick ? 4 : 15))
  } finally {
    await hog?.stop()
    await stopAll()
    await world?.close()
  }

  const record = {
    command: `${quick ? "BENCH_QUICK=1 " : ""}npm run bench${hogEverywhere ? " -- --hog" : ""}`,
    startedAt: startedAt.toISOString(),
    wallSeconds: Math.round((performance.now() - clock) / 1000),
    buildSeconds: Math.round(buildMs / 100) / 10,
    machine: { ...machineAtStart, loadAverageAtEnd: loadNow() },
    figures
  }
  const files = writeResults(path.join(repoRoot, "bench/results"), record)
  process.stdout.write(`\n${textTable(figures)}\n\n${notesText(figures)}\n\n`)
  process.stdout.write(
    `Ran in ${record.wallSeconds} s (build ${record.buildSeconds} s). Written: ` +
      `${files.map((f) => path.relative(repoRoot, f)).join(", ")}\n`
  )
  const missed = figures.flatMap((f) => f.rows.filter((r) => r.met === false).map((r) => `${f.title}: ${r.metric}`))
  const failed = figures.filter((f) => f.error !== undefined).map((f) => f.title)
  if (missed.length > 0) process.stdout.write(`Targets missed (${missed.length}): see the notes above.\n`)
  if (failed.length > 0) process.stdout.write(`Figures that could not be measured: ${failed.join(", ")}\n`)
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    say(`the bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    await stopAll(1_000)
    process.exit(1)
  }
)
