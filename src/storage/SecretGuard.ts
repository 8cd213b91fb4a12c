import { Effect } from "effect"
import { StorageError } from "./StorageError.js"

/**
 * Shapes that only secrets have. Callers promise to store nothing secret in free-form columns; this is
 * the net under that promise, so a mistake (a whole request logged into `details`) is refused rather
 * than kept for months in an audit table.
 */
const SECRET_SHAPES: ReadonlyArray<readonly [string, RegExp]> = [
  ["a Scalingo API token", /\btk-[a-z]{2,}-[A-Za-z0-9_-]{20,}/],
  ["a Slack token", /\bxox[a-z]-[A-Za-z0-9-]{10,}/i],
  ["a Slack app token", /\bxapp-[A-Za-z0-9-]{10,}/i],
  ["a bearer token (JWT)", /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./],
  ["a URL carrying a token", /token=/i]
]

/** What secret `text` seems to hold, if any (a name, never the match). */
export const secretShapeIn = (text: string): string | undefined =>
  SECRET_SHAPES.find(([, shape]) => shape.test(text))?.[0]

/**
 * `value` as the JSON text to store in `column`, refused when it is larger than `maxChars` or looks
 * like it holds a secret. The error names the column and the kind of secret, never the value.
 */
export const storableJson = (column: string, value: unknown, maxChars: number): Effect.Effect<string, StorageError> =>
  Effect.suspend(() => {
    const text = JSON.stringify(value ?? null)
    if (text.length > maxChars)
      return Effect.fail(new StorageError({ reason: "refused", detail: `${column} is over ${maxChars} characters` }))
    return storableText(column, text)
  })

/** `text` itself, refused when it looks like it holds a secret. */
export const storableText = (column: string, text: string): Effect.Effect<string, StorageError> => {
  const shape = secretShapeIn(text)
  return shape === undefined
    ? Effect.succeed(text)
    : Effect.fail(
        new StorageError({ reason: "refused", detail: `${column} looks like it holds ${shape}; nothing was stored` })
      )
}
