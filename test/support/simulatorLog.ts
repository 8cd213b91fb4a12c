import type { SimRequest } from "../../src/simulator/index.js"

/**
 * Checks over the simulator's request log: which request shapes the bot may send at all, and how
 * many requests one account made in any sliding window.
 */

const APP = "[a-z0-9-]+"

/** Every request the bot has a reason to send, by host kind; the app segment is never free text. */
const ROUTES: ReadonlyArray<{ readonly auth: boolean; readonly method: string; readonly path: RegExp }> = [
  { auth: true, method: "POST", path: /^\/v1\/tokens\/exchange$/ },
  { auth: true, method: "GET", path: /^\/v1\/users\/self$/ },
  { auth: true, method: "GET", path: /^\/v1\/regions$/ },
  { auth: false, method: "GET", path: /^\/v1\/apps$/ },
  { auth: false, method: "POST", path: /^\/v1\/apps$/ },
  { auth: false, method: "GET", path: new RegExp(`^/v1/apps/${APP}$`) },
  { auth: false, method: "GET", path: new RegExp(`^/v1/apps/${APP}/events$`) },
  { auth: false, method: "GET", path: /^\/v1\/events$/ },
  // Reading what the operating commands show. Changes (restart, scale) are deliberately absent: junk
  // must never get one sent, since only a stored confirmation's author can confirm it.
  ...["containers", "ps", "autoscalers", "deployments", "logs"].map((what) => ({
    auth: false,
    method: "GET",
    path: new RegExp(`^/v1/apps/${APP}/${what}$`)
  })),
  { auth: false, method: "GET", path: new RegExp(`^/v1/apps/${APP}/deployments/[A-Za-z0-9-]+(/output)?$`) },
  { auth: false, method: "GET", path: new RegExp(`^/v1/apps/${APP}/operations/[A-Za-z0-9-]+$`) },
  { auth: false, method: "GET", path: /^\/v1\/features\/container_sizes$/ }
]

const QUERY_KEYS = new Set(["page", "per_page"])
/** The logs host answers the URL Scalingo handed out: its token and timestamp, the line count and filter. */
const LOGS_QUERY = /^(token|timestamp|n|filter)$/

/** Why a logged request is not one the bot should ever send, or undefined when it is. */
export const unexpectedShape = (request: SimRequest): string | undefined => {
  if (request.host === "logs") {
    const bad = Object.keys(request.query).find((key) => !LOGS_QUERY.test(key))
    return request.method !== "GET" || bad !== undefined ? `logs ${request.method} with query ${bad}` : undefined
  }
  const onAuth = request.host === "auth"
  const route = ROUTES.find((r) => r.auth === onAuth && r.method === request.method && r.path.test(request.path))
  if (route === undefined) return `${request.host} ${request.method} ${request.path} matches no known route`
  for (const [key, value] of Object.entries(request.query)) {
    if (!QUERY_KEYS.has(key) || !/^\d{1,6}$/.test(value))
      return `${request.method} ${request.path} has an unexpected query ${key}=${value.slice(0, 40)}`
  }
  return undefined
}

/** The largest number of requests in any window of `windowMs` (ends included), per account. */
export const maxInAnyWindow = (requests: ReadonlyArray<SimRequest>, windowMs: number): number => {
  const times = requests.map((r) => r.at).sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}
