import type { IncomingHttpHeaders } from "node:http"
import type { Accounts, AccountRecord } from "./accounts.js"
import type { Bearers } from "./bearers.js"
import type { SlidingWindowLimiter } from "./rateLimit.js"
import { type Handler, json, type Reply, type RequestContext, retryLater } from "./reply.js"
import { isRegionName } from "./types.js"

/**
 * Routing and the checks every route shares, in Scalingo's order: credentials (Basic API token on
 * the exchange, Bearer elsewhere), then the per-account rate limit, then access to the region.
 * "optional" routes (catalogues Scalingo serves without auth) take anonymous requests outside any
 * budget, and check and count a bearer when one is sent.
 */

type Handle<A> = (context: RequestContext, account: A, params: ReadonlyArray<string>) => Reply | Promise<Reply>

export type Route =
  | {
      readonly method: string
      readonly pattern: RegExp
      readonly auth: "api-token" | "bearer"
      readonly handle: Handle<AccountRecord>
    }
  | {
      readonly method: string
      readonly pattern: RegExp
      readonly auth: "optional"
      readonly handle: Handle<AccountRecord | undefined>
    }

export interface Gate {
  readonly accounts: Accounts
  readonly bearers: Bearers
  readonly limiter: SlidingWindowLimiter
}

type Authenticated =
  | { readonly ok: true; readonly account: AccountRecord }
  | { readonly ok: false; readonly username?: string; readonly reply: Reply }

const unauthorized = (error: string, username?: string): Authenticated => ({
  ok: false,
  reply: json(401, { error }),
  ...(username === undefined ? {} : { username })
})

const credentials = (headers: IncomingHttpHeaders, scheme: "Basic" | "Bearer"): string | undefined => {
  const header = headers.authorization ?? ""
  const [given, value] = header.split(" ", 2) as [string, string | undefined]
  return given.toLowerCase() === scheme.toLowerCase() && value ? value.trim() : undefined
}

/** The password of `Basic base64(":" + apiToken)`; the user part is ignored, as Scalingo does. */
const apiTokenOf = (headers: IncomingHttpHeaders): string | undefined => {
  const encoded = credentials(headers, "Basic")
  if (encoded === undefined) return undefined
  const decoded = Buffer.from(encoded, "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  return colon < 0 ? undefined : decoded.slice(colon + 1)
}

const authenticate = (gate: Gate, route: Pick<Route, "auth">, headers: IncomingHttpHeaders): Authenticated => {
  if (route.auth === "api-token") {
    const apiToken = apiTokenOf(headers)
    if (apiToken === undefined || apiToken === "") return unauthorized("authentication required")
    const username = gate.accounts.ownerOfToken(apiToken)
    if (username === undefined) return unauthorized("invalid token")
    if (gate.accounts.isRevoked(apiToken)) return unauthorized("invalid token", username)
    return { ok: true, account: gate.accounts.require(username) }
  }
  const bearer = credentials(headers, "Bearer")
  if (bearer === undefined) return unauthorized("authentication required")
  const check = gate.bearers.check(bearer)
  if (!check.ok) return unauthorized(check.error, check.username)
  return { ok: true, account: gate.accounts.require(check.username) }
}

/** Who a request claims to be, without judging it: for logging requests a fault answered. */
export const identify =
  (gate: Gate) =>
  (headers: IncomingHttpHeaders): string | undefined => {
    const apiToken = apiTokenOf(headers)
    if (apiToken !== undefined) return gate.accounts.ownerOfToken(apiToken)
    const bearer = credentials(headers, "Bearer")
    return bearer === undefined ? undefined : gate.bearers.check(bearer).username
  }

const safeDecode = (param: string): string => {
  try {
    return decodeURIComponent(param)
  } catch {
    return param
  }
}

export const dispatch =
  (gate: Gate, routes: ReadonlyArray<Route>): Handler =>
  async (context) => {
    for (const route of routes) {
      const params = route.method === context.method ? route.pattern.exec(context.path) : null
      if (params === null) continue
      const decoded = params.slice(1).map(safeDecode)
      if (route.auth === "optional" && context.headers.authorization === undefined) {
        return { reply: await route.handle(context, undefined, decoded) }
      }
      const authenticated = authenticate(gate, route, context.headers)
      if (!authenticated.ok) return { reply: authenticated.reply, account: authenticated.username }
      const { account } = authenticated
      const username = account.account.username
      if (!gate.limiter.allow(username)) return { reply: retryLater(), account: username }
      if (isRegionName(context.host) && !account.regions.has(context.host)) {
        return { reply: json(403, { error: "You do not have access to this region" }), account: username }
      }
      return { reply: await route.handle(context, account, decoded), account: username }
    }
    return { reply: json(404, { error: "not found" }) }
  }
