import { Effect } from "effect"
import { isPathSafeAppName } from "./appName.js"
import { NotFound } from "./errors.js"
import type { Regions } from "./Regions.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"

/**
 * The region an app request goes to. An app name that could not be used in a URL path is simply
 * an app that does not exist: NotFound, and no request is made.
 */
export const appRegion = (regions: Regions, account: ScalingoAccount, region: string, app: string) =>
  isPathSafeAppName(app)
    ? regions.get(account, region)
    : Effect.fail(new NotFound({ resource: "app", message: "no app has that name" }))
