import type { Accounts } from "./accounts.js"
import { appJson } from "./appJson.js"
import { appRoute } from "./appRoute.js"
import type { AppStore } from "./appStore.js"
import type { LogTokens } from "./logs.js"
import { json } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"

/** `GET /v1/apps/{app}/logs` → `{app, logs_url}`: a fresh token-bearing URL on the logs host (DOC apps.md). */
export const logsRoutes = (
  store: AppStore,
  accounts: Accounts,
  region: RegionName,
  tokens: LogTokens,
  logsUrl: () => string
): ReadonlyArray<Route> => [
  appRoute(store, region, {
    method: "GET",
    under: "/logs",
    permission: "read",
    handle: (_context, { app }) => {
      const token = tokens.issue(app)
      const timestamp = Math.floor(Date.now() / 1000)
      return json(200, {
        app: appJson(app, accounts.require(app.owner)),
        logs_url: `${logsUrl()}/apps/${app.id}/logs?token=${token}&timestamp=${timestamp}`
      })
    }
  })
]
