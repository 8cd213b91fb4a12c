import { spawn, type ChildProcess } from "node:child_process"
import { createServer } from "node:net"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"

/** The repository root, where `src/main.ts` lives. */
export const repoRoot = path.resolve(import.meta.dirname, "../..")

const tsxLoader = pathToFileURL(path.join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

export interface BotProcess {
  readonly url: string
  readonly port: number
  readonly child: ChildProcess
  /** Every line the bot wrote to stdout and stderr, in order. */
  readonly output: Array<string>
  readonly exited: Promise<number | null>
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** The environment a test bot gets: only what is given, never the developer's own settings. */
export const baseEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  NODE_ENV: "test",
  LOG_LEVEL: "info"
})

/** Runs the bot exactly as `npm start` composes and bundles it (`src/main.ts`), as a child process. */
export const spawnBot = (env: Record<string, string>): BotProcess => {
  const port = Number(env.PORT ?? 0)
  // Run from an empty folder so no developer's .env can leak into a test.
  const cwd = env.BOT_CWD ?? mkdtempSync(path.join(tmpdir(), "scalingo-bot-cwd-"))
  // BOT_BUILT runs the bundle `npm start` runs (dist/main.js, from `npm run build`). Otherwise this run's bundle
  // of src/main.ts (test/support/botBundle.ts), or the sources through tsx outside vitest.
  const bundle = env.BOT_BUILT ? path.join(repoRoot, "dist/main.js") : process.env.TEST_BOT_BUNDLE
  const args = bundle !== undefined ? [bundle] : ["--import", tsxLoader, path.join(repoRoot, "src/main.ts")]
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
  const output: Array<string> = []
  const collect = (chunk: Buffer) =>
    output.push(
      ...chunk
        .toString("utf8")
        .split("\n")
        .filter((l) => l.length > 0)
    )
  child.stdout?.on("data", collect)
  child.stderr?.on("data", collect)
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output,
    exited,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    }
  }
}

/** Starts the bot and waits until `/healthz` answers 200 (or fails with what the bot printed). */
export const startBot = async (env: Record<string, string>, timeoutMs = 30_000): Promise<BotProcess> => {
  const port = env.PORT !== undefined ? Number(env.PORT) : await freePort()
  const bot = spawnBot({ ...env, PORT: String(port) })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (bot.child.exitCode !== null)
      throw new Error(`the bot exited with ${bot.child.exitCode}:\n${bot.output.join("\n")}`)
    try {
      const response = await fetch(`${bot.url}/healthz`)
      if (response.status === 200) return bot
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await bot.stop("SIGKILL")
  throw new Error(`the bot did not become ready in ${timeoutMs} ms:\n${bot.output.join("\n")}`)
}
