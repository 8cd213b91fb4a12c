import { Cache, type Duration, Effect, type Exit, Fiber, Option } from "effect"
import { AccountKey } from "./accountKey.js"
import { AroundScalingoWait } from "./BudgetWaitNotice.js"
import type { ScalingoError } from "./errors.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"

export interface SharedLookupOptions<A> {
  readonly lookup: (account: ScalingoAccount) => Effect.Effect<A, ScalingoError>
  readonly timeToLive: (exit: Exit.Exit<A, ScalingoError>) => Duration.DurationInput
  /** The longest one caller waits, however long the shared work takes. */
  readonly callerBound: Duration.DurationInput
  readonly onCallerTimeout: () => ScalingoError
}

/**
 * One value per account (a bearer, a region list), fetched at most once at a time however many
 * callers wait, and reused for its time to live. The fetch runs on a fiber of its own: a caller
 * giving up never cancels it for the others, while its own timeouts still fire (a fetch run
 * uninterruptibly inside the cache could not be cut: defect 1). Each caller is released at its
 * bound. The fetch runs with the context of the caller that started it, so its requests are
 * counted and traced with that caller's work.
 */
export const makeSharedLookup = <A>(options: SharedLookupOptions<A>) =>
  Effect.gen(function* () {
    const cache = yield* Cache.makeWith({
      capacity: 10_000,
      lookup: (key: AccountKey) => {
        const fetch = Effect.interruptible(options.lookup(key.account))
        const requester = key.takeRequester()
        return Effect.forkDaemon(requester === undefined ? fetch : Effect.provide(fetch, requester)).pipe(
          Effect.flatMap(Fiber.join)
        )
      },
      timeToLive: options.timeToLive
    })

    /** Uninterruptible and disconnected: the waiting, not the fetch, is what a caller abandons. */
    const wait = (account: ScalingoAccount): Effect.Effect<A, ScalingoError> =>
      Effect.flatMap(Effect.all([Effect.context<never>(), AroundScalingoWait]), ([requester, around]) => {
        const waiting = cache
          .get(new AccountKey(account, requester))
          .pipe(
            Effect.uninterruptible,
            Effect.disconnect,
            Effect.timeoutFail({ duration: options.callerBound, onTimeout: options.onCallerTimeout })
          )
        return around === undefined ? waiting : around(waiting)
      })

    /**
     * A value already fetched and still fresh is returned as it is: no fiber, no timeout, and the work
     * turn kept (a hit is not a wait). Only a miss, or a fetch under way, waits as above.
     */
    const get = (account: ScalingoAccount): Effect.Effect<A, ScalingoError> =>
      Effect.flatMap(
        Effect.orElseSucceed(cache.getOptionComplete(new AccountKey(account)), () => Option.none<A>()),
        (hit) => (Option.isSome(hit) ? Effect.succeed(hit.value) : wait(account))
      )

    const invalidateWhen = (account: ScalingoAccount, stale: (value: A) => boolean) =>
      cache.invalidateWhen(new AccountKey(account), stale)

    const invalidate = (account: ScalingoAccount) => cache.invalidate(new AccountKey(account))

    return { get, invalidate, invalidateWhen } as const
  })
