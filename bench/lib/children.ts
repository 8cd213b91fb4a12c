// Every process the bench starts goes through here, so all of them are stopped at the end, on
// failure and on Ctrl-C alike. Processes run Node directly (no npm, no tsx) so their pid is the
// process that does the work: CPU and memory are read from /proc/<pid>.
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

export interface Child {
  readonly name: string
  readonly pid: number
  readonly url: string
  readonly child: ChildProcess
  /** The last lines the process wrote (stdout and stderr), for diagnostics. */
  readonly output: Array<string>
  /** ms from spawn to the first 200 from /healthz. */
  readyMs: number
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
const temporary = new Set<string>()
const KEEP_LINES = 200

/** A fresh folder under the system's temp folder, removed by stopAll(). */
export const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  temporary.add(dir)
  return dir
}

export const spawnNode = (
  name: string,
  script: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: ReadonlyArray<string> = []
): Omit<Child, "readyMs"> & { spawnedAt: number } => {
  // An empty working directory: no developer's .env can leak into the measured process.
  const cwd = tempDir("scalingo-bench-cwd-")
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"]
  })
  running.add(child)
  child.once("exit", () => running.delete(child))
  const output: Array<string> = []
  const collect = (chunk: Buffer) => {
    output.push(
      ...chunk
        .toString("utf8")
        .split("\n")
        .filter((line) => line.length > 0)
    )
    if (output.length > KEEP_LINES) output.splice(0, output.length - KEEP_LINES)
  }
  child.stdout?.on("data", collect)
  child.stderr?.on("data", collect)
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once("exit", () => resolve())
  })
  return {
    name,
    pid: child.pid ?? -1,
    url: `http://127.0.0.1:${port}`,
    child,
    output,
    spawnedAt,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
      const killer = setTimeout(() => child.kill("SIGKILL"), 12_000)
      await exited
      clearTimeout(killer)
    }
  }
}

/** Spawns and waits for GET /healthz to answer 200, polling every 5 ms (the poll interval bounds the error). */
export const startNode = async (
  name: string,
  script: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: ReadonlyArray<string> = [],
  timeoutMs = 30_000
): Promise<Child> => {
  const started = spawnNode(name, script, port, env, nodeArgs)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) {
      throw new Error(`${name} exited with ${started.child.exitCode}:\n${started.output.slice(-20).join("\n")}`)
    }
    const ok = await fetch(`${started.url}/healthz`).then(
      (r) => r.status === 200,
      () => false
    )
    if (ok) return { ...started, readyMs: performance.now() - started.spawnedAt }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await started.stop()
  throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${started.output.slice(-20).join("\n")}`)
}

/** Stops everything still running: SIGTERM, then SIGKILL for what has not exited after `graceMs`. */
export const stopAll = async (graceMs = 5_000): Promise<void> => {
  const left = [...running]
  await Promise.all(
    left.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          const killer = setTimeout(() => child.kill("SIGKILL"), graceMs)
          child.once("exit", () => {
            clearTimeout(killer)
            resolve()
          })
          child.kill("SIGTERM")
        })
    )
  )
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
  temporary.clear()
}

/** Last resort when the bench itself dies: no await possible, so SIGKILL synchronously. */
export const killAllNow = (): void => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
}
