import { spawn } from "node:child_process"
import { once } from "node:events"
import { repoRoot } from "./botProcess.js"

/** Another OS process holding SQLite's write lock, as a second bot or an operator's `sqlite3` shell would. */
export interface SqliteWriteLock {
  /** When the lock was taken (performance.now() of this process). */
  readonly lockedAt: number
  /** Resolves with the performance.now() at which the other process reported the lock released. */
  readonly released: Promise<number>
}

// Plain CommonJS for `node -e`: the same better-sqlite3 the bot uses, WAL like the bot, then
// BEGIN IMMEDIATE (the write lock) held for the given time before COMMIT.
const holder = `
const Database = require("better-sqlite3")
const [file, holdMs] = process.argv.slice(1)
const db = new Database(file, { timeout: 10000 })
db.pragma("journal_mode = WAL")
db.exec("BEGIN IMMEDIATE")
process.stdout.write("locked\\n")
setTimeout(() => { db.exec("COMMIT"); db.close(); process.stdout.write("released\\n") }, Number(holdMs))
`

/** Starts the holder and resolves once it holds the lock. */
export const holdSqliteWriteLock = async (file: string, holdMs: number): Promise<SqliteWriteLock> => {
  const child = spawn(process.execPath, ["-e", holder, file, String(holdMs)], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"]
  })
  let lockedAt = 0
  let onLocked: () => void = () => {}
  const locked = new Promise<void>((resolve) => {
    onLocked = resolve
  })
  const released = new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8")
      if (text.includes("locked")) {
        lockedAt = performance.now()
        onLocked()
      }
      if (text.includes("released")) resolve(performance.now())
    })
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code} before releasing`)))
  })
  released.catch(() => {})
  await Promise.race([locked, once(child, "exit").then(() => Promise.reject(new Error("the lock holder died")))])
  return { lockedAt, released }
}
