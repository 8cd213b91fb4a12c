import { fn } from "../tracing/fn.js"
import { Effect } from "effect"
import { AppResources } from "./AppResources.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { AutoscalersResponse } from "./schemas/autoscaler.js"

/** An app's autoscalers (`GET /v1/apps/{app}/autoscalers`): a manual scale disables the one on its type. */
export class AutoscalersApi extends Effect.Service<AutoscalersApi>()("bot/scalingo/AutoscalersApi", {
  effect: Effect.gen(function* () {
    const apps = yield* AppResources

    const list = fn("AutoscalersApi.list")(function* (account: ScalingoAccount, region: string, app: string) {
      const { autoscalers } = yield* apps
        .of(account, region, app)
        .get("/v1/apps/{app}/autoscalers", AutoscalersResponse)
      return autoscalers
    })

    return { list } as const
  })
}) {}
