/** How many of a build log's last lines go in a message; the whole log goes as a file past this. */
export const LOG_TAIL_LINES = 40
const LOG_TAIL_CHARS = 2_800
/**
 * Only this much of the log's end is ever looked at: even with every line end a Windows one it holds
 * more than a message's worth, so the cost of a tail does not grow with the log.
 */
const WINDOW_CHARS = 2 * LOG_TAIL_CHARS + 2

/** The last lines of a log that fit in one code block, and whether anything was left out. */
export const tailOf = (log: string, lines = LOG_TAIL_LINES): { readonly tail: string; readonly cut: boolean } => {
  const trimmed = log.trimEnd()
  const partial = trimmed.length > WINDOW_CHARS
  const window = (partial ? trimmed.slice(-WINDOW_CHARS) : trimmed).replace(/\r\n/g, "\n")
  // Walk back one line at a time; each step reads only the characters of the line it adds.
  // `tailStart` is where the kept lines begin (one past the window's end before any is kept).
  let tailStart = window.length + 1
  for (let kept = 0; kept < Math.max(1, lines) && tailStart > 0; kept++) {
    const lineStart = tailStart < 2 ? 0 : window.lastIndexOf("\n", tailStart - 2) + 1
    if (window.length - lineStart > LOG_TAIL_CHARS) {
      if (kept === 0) return { tail: window.slice(-LOG_TAIL_CHARS), cut: true }
      break
    }
    tailStart = lineStart
  }
  return { tail: window.slice(tailStart), cut: partial || tailStart > 0 }
}
