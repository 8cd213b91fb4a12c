// `npm run bench:profile [command text]`: runs the bot as `npm start` does (with the inspector on
// loopback), links a few people, sends `apps` (or the given command; `<app>` stands for the person's app)
// 400 times, 4 in flight, Scalingo answering at once, measures the CPU per command, then does it again
// under V8's CPU profiler and prints where the CPU went: self time per package, per module of ours and
// per function (bundle lines mapped to their source module). The
// .cpuprofile is kept under bench/.build/ for Chrome's DevTools or speedscope.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { SIGNING_SECRET, startBenchWorld } from "./lib/benchWorld.js"
import { bareScript, buildBot, repoRoot } from "./lib/build.js"
import { stopAll } from "./lib/children.js"
import { connectInspector } from "./lib/inspector.js"
import { cpuMs } from "./lib/procfs.js"
import { createPool, linkPool } from "./lib/userPool.js"

interface ProfileNode {
  id: number
  children?: Array<number>
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}
interface Profile {
  nodes: Array<ProfileNode>
  samples: Array<number>
  timeDeltas: Array<number>
  startTime: number
  endTime: number
}

const text = process.argv.slice(2).join(" ") || "apps"
const total = Number(process.env.PROFILE_COMMANDS ?? 400)
const dir = path.join(path.dirname(bareScript), "profiles")

const where = (url: string) => {
  const file = url.replace(/^file:\/\//, "")
  const inModules = file.split("node_modules/").pop()!
  if (inModules !== file)
    return inModules
      .split("/")
      .slice(0, inModules.startsWith("@") ? 2 : 1)
      .join("/")
  return file.startsWith(repoRoot) ? path.relative(repoRoot, file) : file || "(native)"
}

/** dist/main.js line → the module esbuild bundled there (its `// path` comment), so bundle lines read as sources. */
const bundleModules = () => {
  const starts: Array<[number, string]> = []
  readFileSync(path.join(repoRoot, "dist/main.js"), "utf8")
    .split("\n")
    .forEach((line, index) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line)
      if (m) starts.push([index, m[1]!.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, "$1")])
    })
  return (line: number) => {
    let lo = 0,
      hi = starts.length - 1,
      found = "(bundle)"
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1]
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }
}

const main = async () => {
  buildBot()
  mkdirSync(dir, { recursive: true })
  const world = await startBenchWorld()
  try {
    // Enough accounts that none comes near its budget (60 requests a minute each).
    const pool = createPool(world, 120, "prof")
    const bot = await world.startBot(["--inspect=127.0.0.1:0"])
    const inspector = await connectInspector(bot)
    await linkPool(world, bot, pool)
    const commands = (count: number) =>
      Array.from({ length: count }, () => {
        const user = pool.next()
        return { text: text.replace("<app>", user.app), userId: user.userId, responseUrl: world.slack.responseUrl() }
      })
    const run = async (count: number) => {
      world.slack.reset()
      const fired = await world.load.fire(bot.url, SIGNING_SECRET, commands(count), 4)
      await world.until("the answers", () => world.slack.responses.length + world.slack.calls.length >= count, 60_000)
      return fired
    }
    await run(100)
    await run(100)
    // Only the measured commands are profiled (not start-up or linking); the CPU figure is read without it.
    const before = cpuMs(bot.pid)
    await run(total)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const cpuPerCommand = (cpuMs(bot.pid) - before) / total
    // The bare Bolt app's acknowledgement of the same commands, measured alike, for the ratio.
    const bare = await world.startBare()
    const fireBare = () => world.load.fire(bare.url, SIGNING_SECRET, commands(total), 4)
    await fireBare()
    const bareBefore = cpuMs(bare.pid)
    await fireBare()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const bareCpu = (cpuMs(bare.pid) - bareBefore) / total
    await bare.stop()
    await inspector.startProfile()
    await run(total)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const profile = (await inspector.stopProfile()) as Profile
    inspector.close()
    await bot.stop()
    const file = `${text.split(" ")[0]}-${Date.now()}.cpuprofile`
    writeFileSync(path.join(dir, file), JSON.stringify(profile))
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const selfUs = new Map<number, number>()
    for (const [i, id] of profile.samples.entries())
      selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
    const moduleAt = bundleModules()
    const inBundle = (node: ProfileNode) =>
      node.callFrame.url.endsWith("dist/main.js") ? moduleAt(node.callFrame.lineNumber) : where(node.callFrame.url)
    // Inclusive time per source module: each sample counts once for every module on its stack.
    const parent = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
    const inclusive = new Map<string, number>()
    for (const [id, us] of selfUs) {
      const name = byId.get(id)!.callFrame.functionName
      if (name === "(idle)" || name === "(program)" || name === "(garbage collector)") continue
      const seen = new Set<string>()
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(inBundle(byId.get(at)!))
      for (const module of seen) if (module.startsWith("src/")) inclusive.set(module, (inclusive.get(module) ?? 0) + us)
    }
    const byFunction = new Map<string, number>()
    const byPackage = new Map<string, number>()
    let all = 0
    for (const [id, us] of selfUs) {
      const node = byId.get(id)!
      const { functionName, url, lineNumber } = node.callFrame
      if (functionName === "(idle)" || functionName === "(program)") continue
      all += us
      const pkg = url.endsWith("dist/main.js") ? moduleAt(lineNumber) : where(url)
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us)
      const key = `${functionName || "(anonymous)"} ${pkg}:${lineNumber + 1}`
      byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, us]) => `${((100 * us) / all).toFixed(1).padStart(5)} %  ${k}`)
        .join("\n")
    process.stdout.write(
      `\`${text}\` × ${total}: ${cpuPerCommand.toFixed(2)} ms of CPU per command (from /proc); the bare Bolt ` +
        `app's acknowledgement: ${bareCpu.toFixed(2)} ms (${(cpuPerCommand / bareCpu).toFixed(1)}x)\n` +
        `profile: ${path.relative(repoRoot, path.join(dir, file))}\n\nBy package (self time):\n${top(byPackage, 25)}` +
        `\n\nOur modules, inclusive (share of non-idle samples with the module on the stack):\n` +
        `${top(inclusive, 40)}\n\nBy function (self time):\n${top(byFunction, 45)}\n`
    )
  } finally {
    await stopAll()
    await world.close()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  }
)
