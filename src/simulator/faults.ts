import { json, type Reply, retryLater } from "./reply.js"
import type { SimFault, SimFaults, SimHost } from "./types.js"

interface ArmedFault {
  readonly fault: SimFault
  remaining: number
}

const DEFAULT_BODIES: Record<number, string> = {
  500: JSON.stringify({ error: "Internal error occured, we're on it!" }),
  503: JSON.stringify({ error: "upstream provider returned an error, please retry later" })
}

/** Injected failures, matched in the order they were added; the first match is used. */
export class FaultTable implements SimFaults {
  private armed: Array<ArmedFault> = []

  add(fault: SimFault): void {
    const times = fault.times ?? Number.POSITIVE_INFINITY
    if (times > 0) this.armed.push({ fault, remaining: times })
  }

  clear(): void {
    this.armed = []
  }

  /** The fault for this request, if any, counting it against its `times`. */
  take(host: SimHost, method: string, path: string): SimFault | undefined {
    const index = this.armed.findIndex(({ fault }) => matches(fault, host, method, path))
    if (index < 0) return undefined
    const armed = this.armed[index]!
    armed.remaining -= 1
    if (armed.remaining <= 0) this.armed.splice(index, 1)
    return armed.fault
  }
}

const matches = (fault: SimFault, host: SimHost, method: string, path: string): boolean =>
  (fault.host === undefined || fault.host === host) &&
  (fault.method === undefined || fault.method.toUpperCase() === method) &&
  (fault.path === undefined || (typeof fault.path === "string" ? fault.path === path : fault.path.test(path)))

/** The answer of a fault that sets a status. */
export const faultReply = (fault: SimFault & { status: number }): Reply => {
  if (fault.body === undefined && fault.status === 429) return retryLater()
  const fallback = json(fault.status, { error: `simulated ${fault.status} failure` })
  return {
    status: fault.status,
    body: fault.body ?? DEFAULT_BODIES[fault.status] ?? fallback.body,
    contentType: fault.contentType ?? fallback.contentType
  }
}

/** A 200 whose JSON is cut short, as a proxy dropping the connection mid-body would leave it. */
export const truncate = (reply: Reply): Reply => {
  const cut = Math.floor(reply.body.length / 2)
  return {
    status: 200,
    body: cut > 0 ? reply.body.slice(0, cut) : '{"',
    contentType: "application/json; charset=utf-8"
  }
}
