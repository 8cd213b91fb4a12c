// The CPU hog (`npm run bench -- --hog`, BENCH_HOG=1, and the "under a CPU hog" figures): one child
// process per core spinning in a loop, so the bot, the bare app and the load generator all compete for
// the cores, as on a busy machine. The hog yields nothing; the OS shares the cores.
import { type ChildProcess, spawn } from "node:child_process"
import os from "node:os"

export interface Hog {
  readonly processes: number
  stop(): Promise<void>
}

const SPIN = "for (;;) { let x = 0; for (let i = 0; i < 1e7; i++) x += i; globalThis.sink = x }"

export const startHog = (processes = os.availableParallelism()): Hog => {
  const children: Array<ChildProcess> = Array.from({ length: processes }, () =>
    spawn(process.execPath, ["-e", SPIN], { stdio: "ignore" })
  )
  const exitAll = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  }
  process.once("exit", exitAll)
  return {
    processes,
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve()
              child.once("exit", () => resolve())
              child.kill("SIGKILL")
            })
        )
      )
      process.removeListener("exit", exitAll)
    }
  }
}

/** Runs `work` with the hog spinning, stopping it however `work` ends. */
export const withHog = async <A>(work: () => Promise<A>, processes?: number): Promise<A> => {
  const hog = startHog(processes)
  try {
    // Let the hog reach full speed before measuring.
    await new Promise((resolve) => setTimeout(resolve, 500))
    return await work()
  } finally {
    await hog.stop()
  }
}
