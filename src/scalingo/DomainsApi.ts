import { Effect } from "effect"
import { fn } from "../tracing/fn.js"
import { AppResources } from "./AppResources.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { DomainsResponse } from "./schemas/domain.js"

/** An app's custom domains (`GET /v1/apps/{app}/domains`), with their TLS state. */
export class DomainsApi extends Effect.Service<DomainsApi>()("bot/scalingo/DomainsApi", {
  effect: Effect.gen(function* () {
    const apps = yield* AppResources

    const list = fn("DomainsApi.list")(function* (account: ScalingoAccount, region: string, app: string) {
      const { domains } = yield* apps.of(account, region, app).get("/v1/apps/{app}/domains", DomainsResponse)
      return domains
    })

    return { list } as const
  })
}) {}
