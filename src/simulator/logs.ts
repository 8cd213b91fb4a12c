import { randomBytes } from "node:crypto"
import type { AppRecord, LogLine } from "./records.js"
import { empty, type Handler, json, text } from "./reply.js"

/**
 * App logs (DOC logs.md): the API hands out a `logs_url` carrying a token, and the logs host answers
 * a dump of the last `n` lines for it, no bearer needed. Lines print as
 * `2015-02-16 02:02:43.930163178 +0000 UTC [web-1] message`.
 */

/** Tokens outlive a request comfortably; the real lifetime is undocumented. */
const TOKEN_TTL_MS = 3_600_000
/** The CLI's default `-n`. */
const DEFAULT_LINES = 20

const pad = (value: number, width = 2) => String(value).padStart(width, "0")

export const formatLine = (line: LogLine, index: number): string => {
  const d = new Date(line.atMs)
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  // Nanoseconds: the milliseconds, then digits that keep lines of the same millisecond in order.
  const nanos = `${pad(d.getUTCMilliseconds(), 3)}${pad(index % 1_000_000, 6)}`
  return `${day} ${time}.${nanos} +0000 UTC [${line.label}] ${line.message}`
}

/** `filter`: a container (`web-1`), a type (`web`, matching `web-1`, `web-2`…) or a regexp (`web|worker`). */
const matcher = (filter: string | undefined): ((label: string) => boolean) | undefined => {
  if (filter === undefined || filter === "") return () => true
  try {
    const pattern = new RegExp(`^(?:${filter})(?:-\\d+)?$`)
    return (label) => pattern.test(label)
  } catch {
    return undefined
  }
}

export class LogTokens {
  private readonly tokens = new Map<string, { app: AppRecord; expiresAtMs: number }>()

  issue(app: AppRecord): string {
    const now = Date.now()
    for (const [token, entry] of this.tokens) if (entry.expiresAtMs <= now) this.tokens.delete(token)
    const token = randomBytes(24).toString("hex")
    this.tokens.set(token, { app, expiresAtMs: now + TOKEN_TTL_MS })
    return token
  }

  /** The logs host: `GET /apps/{id or name}/logs?token&n&filter`. */
  handler(): Handler {
    return async (context) => {
      const path = /^\/apps\/([^/]+)\/logs$/.exec(context.path)
      if (context.method !== "GET" || path === null) return { reply: json(404, { error: "not found" }) }
      const entry = this.tokens.get(context.query["token"] ?? "")
      const app = entry?.app
      if (entry === undefined || entry.expiresAtMs <= Date.now() || (app!.id !== path[1] && app!.name !== path[1])) {
        return { reply: json(401, { error: "invalid token" }) }
      }
      if (!app!.alive) return { reply: json(404, { error: "not found" }) }
      if (context.query["stream"] === "true") {
        return { reply: text(501, "Streaming (WebSocket or SSE) is not simulated; ask for a dump") }
      }
      const matches = matcher(context.query["filter"])
      if (matches === undefined) return { reply: text(400, "invalid filter") }
      // GO reads 404 and 204 alike as "no logs yet": 404 when the app never logged, 204 when none match.
      if (app!.logs.length === 0) return { reply: text(404, "no logs") }
      const wanted = Number.parseInt(context.query["n"] ?? "", 10)
      const n = Number.isFinite(wanted) && wanted >= 0 ? wanted : DEFAULT_LINES
      const lines = app!.logs.map((line, index) => ({ line, index })).filter(({ line }) => matches(line.label))
      const shown = n === 0 ? [] : lines.slice(-n)
      if (shown.length === 0) return { reply: empty(204) }
      return { reply: text(200, `${shown.map(({ line, index }) => formatLine(line, index)).join("\n")}\n`) }
    }
  }
}
