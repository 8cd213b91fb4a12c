import { Cache, type Context, Duration, Effect, Equal, Exit, Fiber, Hash, type Schema } from "effect"
import { jsonBody } from "./bodyReaders.js"
import type { ScalingoError } from "./errors.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { callBound, ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { ScalingoHttp } from "./ScalingoHttp.js"
import type { Region } from "./schemas/region.js"
import { timedOut } from "./transportErrors.js"

/**
 * A region's key in a catalogue cache: equal by the region (name and API URL) only, while carrying
 * the account whose budget pays for the fetch and the asking caller's context (its tally, its span),
 * which the lookup takes once, as AccountKey does.
 */
class RegionKey implements Equal.Equal {
  constructor(
    readonly region: Region,
    readonly account: ScalingoAccount,
    private requester?: Context.Context<never>
  ) {}
  takeRequester(): Context.Context<never> | undefined {
    const requester = this.requester
    this.requester = undefined
    return requester
  }
  [Equal.symbol](that: Equal.Equal): boolean {
    return that instanceof RegionKey && that.region.name === this.region.name && that.region.api === this.region.api
  }
  [Hash.symbol](): number {
    return Hash.string(`${this.region.name} ${this.region.api}`)
  }
}

export interface RegionCatalogueOptions<A, I> {
  /** A path Scalingo serves without authentication, e.g. `/v1/features/container_sizes`. */
  readonly template: string
  readonly urlParams?: Readonly<Record<string, string>>
  readonly schema: Schema.Schema<A, I>
  readonly timeToLive: Duration.DurationInput
}

/**
 * One region's copy of a catalogue Scalingo serves to anyone (container sizes, notification
 * platforms, event types): read anonymously, so the same for every account, once at a time however
 * many callers ask, and reused for `timeToLive` (a failure is not kept). The read still waits its
 * turn in the asking account's budget. As in sharedLookup, the fetch runs on a fiber of its own and
 * a caller is released at its bound without cancelling it for the others.
 */
export const makeRegionCatalogue = <A, I>(options: RegionCatalogueOptions<A, I>) =>
  Effect.gen(function* () {
    const api = yield* ScalingoApi
    const http = yield* ScalingoHttp
    const clientOptions = yield* ScalingoClientOptions
    const label = `GET ${options.template}`
    const fetch = (key: RegionKey) =>
      Effect.map(
        http.send(
          key.account,
          api.describe("GET", key.region, options.template, { urlParams: options.urlParams ?? {} }, { change: false }),
          (anonymous) => anonymous,
          jsonBody(options.schema)
        ),
        (reply) => reply.body
      )
    const cache = yield* Cache.makeWith({
      capacity: 100,
      lookup: (key: RegionKey) => {
        const requester = key.takeRequester()
        const run = Effect.interruptible(fetch(key))
        return Effect.forkDaemon(requester === undefined ? run : Effect.provide(run, requester)).pipe(
          Effect.flatMap(Fiber.join)
        )
      },
      timeToLive: Exit.match({ onFailure: () => Duration.zero, onSuccess: () => options.timeToLive })
    })

    const get = (account: ScalingoAccount, region: Region): Effect.Effect<A, ScalingoError> =>
      Effect.flatMap(Effect.context<never>(), (requester) => {
        const key = new RegionKey(region, account, requester)
        // A failure's zero time to live still serves it within the same millisecond: drop it now.
        return cache.get(key).pipe(
          Effect.tapError(() => cache.invalidate(key)),
          Effect.uninterruptible,
          Effect.disconnect,
          Effect.timeoutFail({
            duration: callBound(clientOptions),
            onTimeout: () => timedOut(label, false, { request: label })
          })
        )
      })

    /** Forgets the region's copy (one that answered without what was needed), so the next call reads again. */
    const invalidate = (account: ScalingoAccount, region: Region) => cache.invalidate(new RegionKey(region, account))

    return { get, invalidate } as const
  })
