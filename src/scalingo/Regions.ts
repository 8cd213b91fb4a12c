import { Cache, Duration, Effect, Exit } from "effect"
import { ScalingoSettings } from "./ScalingoSettings.js"
import { AccountKey } from "./accountKey.js"
import { NotFound } from "./errors.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { type Region, RegionsResponse } from "./schemas/region.js"

/** Base URL for a region's API calls, without a trailing slash. */
export const regionApiUrl = (region: Region): string => region.api.replace(/\/+$/, "")

/**
 * The regions each account can reach, from `GET {auth}/v1/regions`, reused for `regionsTtl`.
 * Nothing about a region is hard-coded: every regional URL comes from here.
 */
export class Regions extends Effect.Service<Regions>()("bot/scalingo/Regions", {
  effect: Effect.gen(function* () {
    const { authUrl: scalingoAuthUrl } = yield* ScalingoSettings
    const options = yield* ScalingoClientOptions
    const api = yield* ScalingoApi
    const ttl = Duration.decode(options.regionsTtl)

    const cache = yield* Cache.makeWith({
      capacity: 10_000,
      lookup: (key: AccountKey) => api.get(key.account, `${scalingoAuthUrl}/v1/regions`, RegionsResponse),
      timeToLive: Exit.match({ onFailure: () => Duration.zero, onSuccess: () => ttl })
    })

    const list = Effect.fn("Regions.list")(function* (account: ScalingoAccount) {
      const { regions } = yield* cache.get(new AccountKey(account)).pipe(Effect.uninterruptible, Effect.disconnect)
      return regions
    })

    /** The named region, or NotFound{resource:"region"} when the account cannot reach it. */
    const get = Effect.fn("Regions.get")(function* (account: ScalingoAccount, name: string) {
      const region = (yield* list(account)).find((r) => r.name === name)
      if (region === undefined) {
        return yield* new NotFound({
          resource: "region",
          message: `the account cannot reach a region named ${name.slice(0, 64)}`
        })
      }
      return region
    })

    /** The region Scalingo marks as default, else the first one listed. */
    const defaultRegion = Effect.fn("Regions.defaultRegion")(function* (account: ScalingoAccount) {
      const regions = yield* list(account)
      const region = regions.find((r) => r.default) ?? regions[0]
      if (region === undefined)
        return yield* new NotFound({ resource: "region", message: "the account cannot reach any region" })
      return region
    })

    return { list, get, defaultRegion } as const
  })
}) {}
