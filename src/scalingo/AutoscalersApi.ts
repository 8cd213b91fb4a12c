import { fn } from "../tracing/fn.js"
import { Effect } from "effect"
import { appRegion } from "./appRegion.js"
import { Regions } from "./Regions.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { AutoscalersResponse } from "./schemas/autoscaler.js"

/** An app's autoscalers (`GET /v1/apps/{app}/autoscalers`): a manual scale disables the one on its type. */
export class AutoscalersApi extends Effect.Service<AutoscalersApi>()("bot/scalingo/AutoscalersApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const regions = yield* Regions

    const list = fn("AutoscalersApi.list")(function* (account: ScalingoAccount, region: string, app: string) {
      const at = yield* appRegion(regions, account, region, app)
      const { autoscalers } = yield* api.get(account, at, "/v1/apps/{app}/autoscalers", AutoscalersResponse, {
        params: { app },
        resource: "app"
      })
      return autoscalers
    })

    return { list } as const
  })
}) {}
