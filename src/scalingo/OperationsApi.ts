import { fn } from "../tracing/fn.js"
import { Effect } from "effect"
import { isPathSafeAppName } from "./appName.js"
import { AppResources } from "./AppResources.js"
import { noBody } from "./bodyReaders.js"
import { UnexpectedResponse } from "./errors.js"
import { Regions, regionApiUrl } from "./Regions.js"
import { headerValue } from "./replyHeaders.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { OperationResponse } from "./schemas/operation.js"
import type { Region } from "./schemas/region.js"

export { type OperationOutcome, operationOutcome } from "./schemas/operation.js"

const OPERATION = "/v1/apps/{app}/operations/{id}"
const OPERATION_PATH = /^\/v1\/apps\/([^/]+)\/operations\/([^/]+)$/

const decoded = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/**
 * The app and operation id an operation URL names: an absolute URL on the region's API host (the
 * 202's `Location`), or the path alone. Anything else is refused, so the bearer only ever goes
 * where it would go anyway.
 */
export const operationTarget = (region: Region, url: string): { app: string; id: string } | undefined => {
  const base = new URL(`${regionApiUrl(region)}/`)
  let parsed: URL
  try {
    parsed = new URL(url.startsWith("/") ? `${regionApiUrl(region)}${url}` : url)
  } catch {
    return undefined
  }
  if (parsed.origin !== base.origin || parsed.username !== "" || parsed.password !== "") return undefined
  if (parsed.search !== "" || parsed.hash !== "") return undefined
  const prefix = base.pathname.replace(/\/+$/, "")
  if (!parsed.pathname.startsWith(`${prefix}/`)) return undefined
  const match = OPERATION_PATH.exec(parsed.pathname.slice(prefix.length))
  const [app, id] = [decoded(match?.[1] ?? ""), decoded(match?.[2] ?? "")]
  if (app === undefined || id === undefined || !isPathSafeAppName(app) || id === "") return undefined
  return { app, id }
}

/** Restarts (`POST …/restart` → 202 with `Location`) and the async operations they start. */
export class OperationsApi extends Effect.Service<OperationsApi>()("bot/scalingo/OperationsApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const regions = yield* Regions
    const apps = yield* AppResources

    /**
     * Restarts the given container types or containers (`web`, `web-1`), every one when `scope` is
     * undefined or empty. A change: never sent twice. Answers the operation's URL, or undefined when
     * Scalingo accepted the restart without naming one.
     */
    const restart = fn("OperationsApi.restart")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      scope: ReadonlyArray<string> | undefined
    ) {
      const reply = yield* apps
        .of(account, region, app)
        .request("POST", "/v1/apps/{app}/restart", { change: true, body: { scope: scope ?? [] } }, noBody)
      return headerValue(reply.headers, "location")
    })

    /** The operation at `url` (a restart's or scale's `Location`). */
    const operation = fn("OperationsApi.operation")(function* (account: ScalingoAccount, region: string, url: string) {
      const at = yield* regions.get(account, region)
      const target = operationTarget(at, url)
      if (target === undefined) {
        return yield* new UnexpectedResponse({
          status: 0,
          detail: `GET ${OPERATION}: the operation URL is not an operation on the region's API host`,
          request: `GET ${OPERATION}`
        })
      }
      const { operation } = yield* api.get(account, at, OPERATION, OperationResponse, {
        params: target,
        resource: "operation"
      })
      return operation
    })

    return { restart, operation } as const
  })
}) {}
