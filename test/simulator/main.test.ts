import { type ChildProcess, spawn } from "node:child_process"
import { createServer, type Server } from "node:net"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it } from "vitest"
import { startSimulator } from "../../src/simulator/index.js"

/** `npm run simulator` as a real process: what it prints, and how it fails on a taken port. */

const ROOT = fileURLToPath(new URL("../../", import.meta.url))
const TSX = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url))

const listen = (port: number): Promise<Server | undefined> =>
  new Promise((resolve) => {
    const server = createServer()
    server.once("error", () => resolve(undefined))
    server.listen(port, "127.0.0.1", () => resolve(server))
  })

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()))

/** A base port whose four ports (auth, two regions, logs) are free right now. */
const freeBase = async (): Promise<number> => {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000)
    const held = await Promise.all([0, 1, 2, 3].map((offset) => listen(base + offset)))
    await Promise.all(held.filter((s): s is Server => s !== undefined).map(close))
    if (held.every((s) => s !== undefined)) return base
  }
  throw new Error("no four free ports in a row")
}

let child: ChildProcess | undefined
afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL")
  child = undefined
})

const run = (port: number) => {
  child = spawn(process.execPath, [TSX, "src/simulator/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, SIMULATOR_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let stdout = ""
  let stderr = ""
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8")
  })
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8")
  })
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)))
  return { exited, out: () => stdout, err: () => stderr, process: child }
}

describe("npm run simulator", () => {
  it("prints its hosts and the demo accounts' stable tokens, and exits 0 on SIGTERM", async () => {
    const base = await freeBase()
    const started = run(base)
    const deadline = Date.now() + 20_000
    while (!started.out().includes("Ctrl-C stops it.") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const printed = started.out()
    expect(printed).toContain(`auth host      http://127.0.0.1:${base}`)
    expect(printed).toContain(`logs host      http://127.0.0.1:${base + 3}`)
    const reference = await startSimulator()
    try {
      for (const account of Object.values(reference.accounts)) {
        expect(printed).toContain(`${account.username.padEnd(6)} ${account.apiToken}`)
      }
    } finally {
      await reference.close()
    }
    started.process.kill("SIGTERM")
    expect(await started.exited).toBe(0)
  }, 30_000)

  it("exits 1 with one readable line, no stack, when one of its ports is taken", async () => {
    const base = await freeBase()
    const squatter = (await listen(base + 2))!
    try {
      const started = run(base)
      expect(await started.exited).toBe(1)
      const lines = started.err().trimEnd().split("\n")
      expect(lines).toEqual([
        `Port ${base + 2} is already in use: the simulator needs ports ${base}-${base + 3}; ` +
          "set SIMULATOR_PORT to another base port"
      ])
      expect(started.out()).toBe("")
    } finally {
      await close(squatter)
    }
  }, 30_000)
})
