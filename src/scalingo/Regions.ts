import { fn } from "../tracing/fn.js"
import { Duration, Effect, Exit } from "effect"
import { NotFound } from "./errors.js"
import { regionApiProblem } from "./regionUrls.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { callBound, ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { ScalingoSettings } from "./ScalingoSettings.js"
import { type Region, RegionsResponse } from "./schemas/region.js"
import { makeSharedLookup } from "./sharedLookup.js"
import { timedOut } from "./transportErrors.js"

export { regionApiUrl } from "./regionUrls.js"

/** A name Scalingo sent, fit for a log line. */
const shown = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, "?").slice(0, 40)

/**
 * The regions each account can reach, from `GET {auth}/v1/regions`, reused for `regionsTtl`.
 * Nothing about a region is hard-coded: every regional URL comes from here, and only a URL on a
 * Scalingo host (regionUrls.ts) is kept; any other region is dropped with a warning, never called.
 */
export class Regions extends Effect.Service<Regions>()("bot/scalingo/Regions", {
  effect: Effect.gen(function* () {
    const { authUrl } = yield* ScalingoSettings
    const options = yield* ScalingoClientOptions
    const api = yield* ScalingoApi
    const ttl = Duration.decode(options.regionsTtl)

    const trusted = (account: ScalingoAccount) =>
      Effect.gen(function* () {
        const { regions } = yield* api.get(account, "auth", "/v1/regions", RegionsResponse)
        const kept: Array<Region> = []
        for (const region of regions) {
          const problem = regionApiProblem(region.api, authUrl)
          if (problem === undefined) kept.push(region)
          else
            yield* Effect.logWarning("dropped a region whose API URL is not trusted").pipe(
              Effect.annotateLogs({
                region: shown(region.name),
                problem
              })
            )
        }
        return kept
      })

    const regions = yield* makeSharedLookup({
      lookup: trusted,
      timeToLive: Exit.match({ onFailure: () => Duration.zero, onSuccess: () => ttl }),
      callerBound: callBound(options),
      onCallerTimeout: () => timedOut("GET /v1/regions", false, { request: "GET /v1/regions" })
    })

    const list = fn("Regions.list")(function* (account: ScalingoAccount) {
      return yield* regions.get(account)
    })

    /** The named region, or NotFound{resource:"region"} when the account cannot reach it. */
    const get = fn("Regions.get")(function* (account: ScalingoAccount, name: string) {
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
    const defaultRegion = fn("Regions.defaultRegion")(function* (account: ScalingoAccount) {
      const regions = yield* list(account)
      const region = regions.find((r) => r.default) ?? regions[0]
      if (region === undefined)
        return yield* new NotFound({ resource: "region", message: "the account cannot reach any region" })
      return region
    })

    return { list, get, defaultRegion } as const
  })
}) {}
