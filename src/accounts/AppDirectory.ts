import { Cache, Context, Duration, Effect, Exit, Layer, Option } from "effect"
import { AppsApi } from "../scalingo/AppsApi.js"
import { AccountKey } from "../scalingo/accountKey.js"
import { AroundScalingoWait } from "../scalingo/BudgetWaitNotice.js"
import { NotFound, type ScalingoError } from "../scalingo/errors.js"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"

/** An app an account can reach, where it lives, and how it was last seen. */
export interface KnownApp {
  readonly name: string
  readonly region: string
  readonly status: string
}

/**
 * Each account's apps across its regions, read at most once a minute: it feeds the app picker (whose
 * options must answer within Slack's 3 s, so they never wait on Scalingo when the list is known) and
 * tells commands which region holds an app without asking every region. Keyed by account, so nobody
 * ever sees another account's apps. A region that fails to answer makes the read fail (and is not
 * cached), rather than quietly hiding that region's apps.
 */
export class AppDirectory extends Context.Tag("bot/accounts/AppDirectory")<
  AppDirectory,
  {
    readonly apps: (account: ScalingoAccount) => Effect.Effect<ReadonlyArray<KnownApp>, ScalingoError>
    /** Only what is already known (nothing is read): for answers that cannot wait. */
    readonly known: (account: ScalingoAccount) => Effect.Effect<Option.Option<ReadonlyArray<KnownApp>>>
    /** Where `app` lives, for this account; NotFound when it cannot see it. */
    readonly find: (account: ScalingoAccount, app: string) => Effect.Effect<KnownApp, ScalingoError>
    /** Takes a full listing the account just read (every region answered), sparing a read. */
    readonly prime: (account: ScalingoAccount, apps: ReadonlyArray<KnownApp>) => Effect.Effect<void>
    /** Forgets an account's list (after it created an app, say). */
    readonly forget: (account: ScalingoAccount) => Effect.Effect<void>
  }
>() {
  static readonly layerWith = (refreshAfter: Duration.DurationInput) =>
    Layer.effect(
      AppDirectory,
      Effect.gen(function* () {
        const appsApi = yield* AppsApi
        // Keyed by the account's one-way key, the key carrying the account for the lookup: an account (and
        // its token) is held only as long as its entry, bounded and dropped on expiry or `forget`.
        const cache = yield* Cache.makeWith({
          capacity: 10_000,
          // A failed read is not kept: the next command tries again.
          timeToLive: (exit) => (Exit.isSuccess(exit) ? refreshAfter : Duration.zero),
          lookup: ({ account }: AccountKey) =>
            Effect.gen(function* () {
              const { results } = yield* appsApi.listAll(account)
              const apps: Array<KnownApp> = []
              for (const result of results) {
                if ("error" in result) return yield* Effect.fail(result.error)
                for (const app of result.apps)
                  apps.push({ name: app.name, region: result.region.name, status: app.status })
              }
              return apps.sort((a, b) => a.name.localeCompare(b.name)) as ReadonlyArray<KnownApp>
            })
        })

        // Waiting for a read another command is making is not work: the wait gives its work turn back.
        const apps = (account: ScalingoAccount) =>
          Effect.flatMap(AroundScalingoWait, (around) => {
            const read = cache.get(new AccountKey(account))
            return around === undefined ? read : around(read)
          })
        const known = (account: ScalingoAccount) =>
          cache.getOption(new AccountKey(account)).pipe(Effect.orElseSucceed(Option.none))
        const find = (account: ScalingoAccount, app: string) =>
          Effect.flatMap(apps(account), (list) => {
            const found = list.find((known) => known.name === app)
            return found !== undefined
              ? Effect.succeed(found)
              : Effect.fail(new NotFound({ resource: "app", message: "not among the account's apps" }))
          })
        const forget = (account: ScalingoAccount) => cache.invalidate(new AccountKey(account))
        const prime = (account: ScalingoAccount, list: ReadonlyArray<KnownApp>) =>
          cache.set(
            new AccountKey(account),
            [...list].sort((a, b) => a.name.localeCompare(b.name))
          )
        return AppDirectory.of({ apps, known, find, prime, forget })
      })
    )

  /** Scalingo allows 60 requests a minute: reading every region once a minute at most is plenty. */
  static readonly layer = AppDirectory.layerWith(Duration.minutes(1))
}
