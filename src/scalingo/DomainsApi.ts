import { Effect } from "effect"
import { fn } from "../tracing/fn.js"
import { appRegion } from "./appRegion.js"
import { Regions } from "./Regions.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { DomainsResponse } from "./schemas/domain.js"

/** An app's custom domains (`GET /v1/apps/{app}/domains`), with their TLS state. */
export class DomainsApi extends Effect.Service<DomainsApi>()("bot/scalingo/DomainsApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const regions = yield* Regions

    const list = fn("DomainsApi.list")(function* (account: ScalingoAccount, region: string, app: string) {
      const at = yield* appRegion(regions, account, region, app)
      const { domains } = yield* api.get(account, at, "/v1/apps/{app}/domains", DomainsResponse, {
        params: { app },
        resource: "app"
      })
      return domains
    })

    return { list } as const
  })
}) {}
