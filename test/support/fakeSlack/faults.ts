// Faults a test injects into the fake Slack: per method (or "response_url"), optionally per channel,
// for a number of answers or until cleared.
import type { ServerResponse } from "node:http"
import type { Fault } from "./types.js"

export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

export const makeFaults = () => {
  const faults = new Map<string, Fault>()
  const keyOf = (method: string, channel?: string) => (channel === undefined ? method : `${method}#${channel}`)

  /** The fault for this call, if any (a channel's own fault first), counting down its `times`. */
  const take = (method: string, params: Record<string, unknown> = {}): Fault | undefined => {
    const channel = params.channel ?? params.channel_id
    const key = [keyOf(method, typeof channel === "string" ? channel : undefined), method].find((k) => faults.has(k))
    const fault = key === undefined ? undefined : faults.get(key)
    if (key === undefined || fault?.times === undefined) return fault
    if (fault.times <= 1) faults.delete(key)
    else faults.set(key, { ...fault, times: fault.times - 1 })
    return fault
  }

  /** Answers a fault; returns false when the fault only delays the normal answer. */
  const answer = async (res: ServerResponse, fault: Fault): Promise<boolean> => {
    if (fault.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault.status !== undefined && fault.status !== 200) {
      const retryAfter = fault.retryAfter ?? fault.retryAfterSeconds?.toString()
      const headers = retryAfter === undefined ? undefined : { "retry-after": retryAfter }
      const error = fault.error ?? (fault.status === 429 ? "ratelimited" : "fatal_error")
      sendJson(res, fault.status, { ok: false, error }, headers)
      return true
    }
    if (fault.error === undefined) return false
    sendJson(res, 200, { ok: false, error: fault.error })
    return true
  }

  return {
    set: (method: string, fault: Fault) => faults.set(keyOf(method, fault.channel), fault),
    clear: () => faults.clear(),
    take,
    answer
  }
}
