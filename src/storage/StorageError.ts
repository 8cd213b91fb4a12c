import { Data, ParseResult } from "effect"

/**
 * Why storage failed. A closed list so callers can react (e.g. ask the person to link again when their
 * stored token can no longer be opened) without parsing messages.
 */
export type StorageFailure =
  | "connect" // the database could not be opened or reached
  | "migrate" // the schema could not be brought up to date
  | "query" // a statement failed or a row had an unexpected shape
  | "key" // the token encryption key is missing, malformed, or its file unusable
  | "unsealable" // a stored token cannot be opened: sealed by an unknown key, or tampered with
  | "refused" // a value was not stored: it looks like a secret, or is larger than its column allows

/** Every storage failure. `detail` is written for operators and never holds a token, key or password. */
export class StorageError extends Data.TaggedError("StorageError")<{
  readonly reason: StorageFailure
  readonly detail: string
}> {
  override get message() {
    return `Storage (${this.reason}): ${this.detail}`
  }
}

/** Hides the password of any `scheme://user:password@host` URL inside a text. */
export const scrubCredentials = (text: string): string =>
  text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):[^@\s/]*@/gi, "$1:***@")

/**
 * A short, safe description of a low-level failure (SqlError and the driver error inside it, file
 * system errors). Only messages and codes are kept - never the cause objects, whose fields may echo
 * inputs such as a connection string or statement parameters.
 */
export const describeCause = (cause: unknown): string => {
  const parts: Array<string> = []
  let current: unknown = cause
  for (let depth = 0; depth < 3 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code
      const text = current.message || current.name
      parts.push(typeof code === "string" && !text.includes(code) ? `${text} (${code})` : text)
      current = (current as { cause?: unknown }).cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return scrubCredentials(parts.filter((part) => part.length > 0).join(": ") || "unknown error")
}

/**
 * The error for a failed statement, naming the operation; a StorageError already made stays as it is.
 * A row of an unexpected shape is reported without the row, whose values are not ours to print.
 */
export const failedTo =
  (operation: string) =>
  (cause: unknown): StorageError =>
    cause instanceof StorageError
      ? cause
      : new StorageError({
          reason: "query",
          detail: ParseResult.isParseError(cause)
            ? `${operation}: a stored row has an unexpected shape`
            : `${operation}: ${describeCause(cause)}`
        })
