/** How many of a build log's last lines go in a message; the whole log goes as a file past this. */
export const LOG_TAIL_LINES = 40
const LOG_TAIL_CHARS = 2_800

/** The last lines of a log that fit in one code block, and whether anything was left out. */
export const tailOf = (log: string, lines = LOG_TAIL_LINES): { readonly tail: string; readonly cut: boolean } => {
  const all = log.replace(/\r\n/g, "\n").trimEnd().split("\n")
  let kept = all.slice(-lines)
  while (kept.join("\n").length > LOG_TAIL_CHARS && kept.length > 1) kept = kept.slice(1)
  const tail = kept.join("\n").slice(-LOG_TAIL_CHARS)
  return { tail, cut: kept.length < all.length || tail.length < kept.join("\n").length }
}
