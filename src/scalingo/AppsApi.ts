import { fn } from "../tracing/fn.js"
import { Effect, Either } from "effect"
import { AppResources } from "./AppResources.js"
import type { ScalingoError } from "./errors.js"
import { Regions } from "./Regions.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { type App, AppResponse, AppsResponse } from "./schemas/app.js"
import type { Region } from "./schemas/region.js"

/** One region's answer in `listAll`: its apps, or why they could not be listed. */
export type RegionApps =
  | { readonly region: Region; readonly apps: ReadonlyArray<App> }
  | { readonly region: Region; readonly error: ScalingoError }

export interface AppsEverywhere {
  readonly results: ReadonlyArray<RegionApps>
}

export interface CreateOptions {
  /** Scalingo validates the app (`X-Dry-Run: true`) without creating it. */
  readonly dryRun?: boolean
}

/** Apps in a region: `GET/POST {region.api}/v1/apps[/{app}]`. */
export class AppsApi extends Effect.Service<AppsApi>()("bot/scalingo/AppsApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const regions = yield* Regions
    const resources = yield* AppResources

    const appsIn = (account: ScalingoAccount, region: Region) =>
      Effect.map(api.get(account, region, "/v1/apps", AppsResponse), (body) => body.apps)

    const list = fn("AppsApi.list")(function* (account: ScalingoAccount, region: string) {
      return yield* appsIn(account, yield* regions.get(account, region))
    })

    /** Every reachable region at once; a failing region is reported beside the others, not instead of them. */
    const listAll = fn("AppsApi.listAll")(function* (account: ScalingoAccount) {
      const reachable = yield* regions.list(account)
      const results = yield* Effect.forEach(
        reachable,
        (region) =>
          Effect.map(
            Effect.either(appsIn(account, region)),
            (outcome): RegionApps =>
              Either.match(outcome, { onLeft: (error) => ({ region, error }), onRight: (apps) => ({ region, apps }) })
          ),
        { concurrency: "unbounded" }
      )
      return { results } satisfies AppsEverywhere
    })

    const show = fn("AppsApi.show")(function* (account: ScalingoAccount, region: string, name: string) {
      const { app } = yield* resources.of(account, region, name).get("/v1/apps/{app}", AppResponse)
      return app
    })

    /** Creates (or with dryRun only validates) an app. A real creation is never sent twice. */
    const create = fn("AppsApi.create")(function* (
      account: ScalingoAccount,
      region: string,
      input: { readonly name: string },
      options: CreateOptions = {}
    ) {
      const dryRun = options.dryRun === true
      const { app } = yield* api.post(
        account,
        yield* regions.get(account, region),
        "/v1/apps",
        { app: { name: input.name } },
        AppResponse,
        {
          change: !dryRun,
          resource: "app",
          ...(dryRun ? { headers: { "X-Dry-Run": "true" } } : {})
        }
      )
      return app
    })

    return { list, listAll, show, create } as const
  })
}) {}
