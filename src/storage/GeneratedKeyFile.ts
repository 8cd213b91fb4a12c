import { randomBytes } from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import { Effect } from "effect"
import { describeCause, StorageError } from "./StorageError.js"

export const generatedKeyFileName = "token-encryption.key"

export interface KeyFile {
  readonly path: string
  /** The base64 key as stored in the file. */
  readonly content: string
  readonly generated: boolean
  /** Permission bits, to warn when others may read the key. */
  readonly mode: number
}

/** Creates `target` with `content` only if it does not exist yet, never leaving a half-written file. */
const createExclusively = (target: string, content: string): boolean => {
  const staging = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  fs.writeFileSync(staging, content, { mode: 0o600 })
  try {
    fs.chmodSync(staging, 0o600) // the mode given to writeFileSync is filtered by the umask; be exact
    fs.linkSync(staging, target) // atomic, and fails when another process created the file first
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false
    throw error
  } finally {
    fs.rmSync(staging, { force: true })
  }
}

/**
 * Reads the development key from `<folder>/token-encryption.key`, generating it (32 random bytes,
 * base64, mode 0600) on the first start. Later starts, and a second process racing the first, reuse it.
 */
export const loadOrGenerateKeyFile = (folder: string): Effect.Effect<KeyFile, StorageError> => {
  const target = path.join(folder, generatedKeyFileName)
  return Effect.try({
    try: (): KeyFile => {
      fs.mkdirSync(folder, { recursive: true })
      const generated = !fs.existsSync(target) && createExclusively(target, `${randomBytes(32).toString("base64")}\n`)
      const content = fs.readFileSync(target, "utf8").trim()
      return { path: target, content, generated, mode: fs.statSync(target).mode & 0o777 }
    },
    catch: (cause) =>
      new StorageError({
        reason: "key",
        detail: `Could not read or create the key file ${target}: ${describeCause(cause)}`
      })
  }).pipe(
    Effect.tap((file) =>
      file.mode & 0o077
        ? Effect.logWarning(
            `The key file ${file.path} is open to other users (mode ${file.mode.toString(8)}); ` +
              "restrict it with chmod 600."
          )
        : Effect.void
    )
  )
}
