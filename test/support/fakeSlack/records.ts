// Reading what the fake Slack received: request bodies, and waiting for a record to arrive.
import type { EventEmitter } from "node:events"
import type { IncomingMessage } from "node:http"
import type { FakeSlackCall, FakeSlackRecord, FakeSlackResponse } from "./types.js"

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata", "unfurls", "user_auth_blocks", "files"])

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export const bearerOf = (req: IncomingMessage): string | undefined =>
  /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1]

/** Form (what the WebClient sends) or JSON bodies; nested JSON fields parsed; the token taken out of params. */
export const parseApiBody = (
  req: IncomingMessage,
  raw: string
): { token?: string; params: Record<string, unknown> } => {
  const params: Record<string, unknown> = String(req.headers["content-type"] ?? "").includes("json")
    ? ((parseJson(raw) as Record<string, unknown>) ?? {})
    : Object.fromEntries(
        [...new URLSearchParams(raw)].map(([key, value]) => [key, JSON_FIELDS.has(key) ? parseJson(value) : value])
      )
  const bearer = bearerOf(req)
  const token = bearer ?? (typeof params.token === "string" ? params.token : undefined)
  delete params.token
  return token === undefined ? { params } : { token, params }
}

/** Methods and params only: tokens never enter params, so the summary is safe to print. */
export const describeRecords = (
  calls: ReadonlyArray<FakeSlackCall>,
  responses: ReadonlyArray<FakeSlackResponse>
): string => {
  const clip = (value: unknown) => {
    const text = JSON.stringify(value) ?? ""
    return text.length > 300 ? `${text.slice(0, 300)}…` : text
  }
  const lines = [
    ...calls.map((c) => `  call ${c.method} ${clip(c.params)}`),
    ...responses.map((r) => `  response_url ${r.id} ${clip(r.body)}`)
  ]
  return lines.length === 0 ? "Nothing was recorded." : `Recorded:\n${lines.join("\n")}`
}

/** Resolves with the first `event` value that matches, or rejects after timeoutMs with `explain()`. */
export const waitOn = <T>(
  emitter: EventEmitter,
  event: string,
  match: (value: T) => boolean,
  timeoutMs: number,
  explain: () => string
) =>
  new Promise<T>((resolve, reject) => {
    const listener = (value: T) => {
      if (!match(value)) return
      clearTimeout(timer)
      emitter.off(event, listener)
      resolve(value)
    }
    const timer = setTimeout(() => {
      emitter.off(event, listener)
      reject(new Error(explain()))
    }, timeoutMs)
    emitter.on(event, listener)
  })

export const waitForRecord = (
  emitter: EventEmitter,
  calls: ReadonlyArray<FakeSlackCall>,
  responses: ReadonlyArray<FakeSlackResponse>,
  predicate: (r: FakeSlackRecord) => boolean,
  timeoutMs = 5000
): Promise<FakeSlackRecord> => {
  const existing = [...calls, ...responses].sort((a, b) => a.at - b.at).find(predicate)
  if (existing !== undefined) return Promise.resolve(existing)
  return waitOn(
    emitter,
    "record",
    predicate,
    timeoutMs,
    () => `fakeSlack.waitFor: nothing matched within ${timeoutMs} ms. ${describeRecords(calls, responses)}`
  )
}
