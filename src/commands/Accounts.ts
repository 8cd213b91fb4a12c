import { Context, Data, Effect, Layer, Option } from "effect"
import type { ScalingoError } from "../scalingo/errors.js"
import { scalingoAccount, type ScalingoAccount } from "../scalingo/ScalingoAccount.js"
import { AccountLinks, type AccountLink } from "../storage/AccountLinks.js"
import type { Person } from "./Interaction.js"

/** The person has not linked a Scalingo account yet. */
// biome-ignore lint/complexity/noBannedTypes: Data.TaggedError needs exactly {} for an argument-less constructor
export class NoLinkedAccount extends Data.TaggedError("NoLinkedAccount")<{}> {}

/** Scalingo rejected the stored token: the link is dead until the person relinks. */
export class DeadLink extends Data.TaggedError("DeadLink")<{
  readonly username: string
  /** `rejected`: Scalingo refused the token; `unreadable`: it was sealed with a key no longer configured. */
  readonly reason?: "rejected" | "unreadable"
}> {}

export interface LinkedAccount {
  readonly link: AccountLink
  readonly account: ScalingoAccount
}

/**
 * Whose Scalingo account a Slack person acts with. Marks a link dead the moment Scalingo rejects
 * its token, so the bot stops using it and the person is told to relink.
 */
export interface AccountsService {
  readonly require: (person: Person) => Effect.Effect<LinkedAccount, NoLinkedAccount | DeadLink | AccountStorageError>
  readonly actingAs: <A, E, R>(
    person: Person,
    work: (linked: LinkedAccount) => Effect.Effect<A, E, R>
  ) => Effect.Effect<
    A,
    Exclude<E, { readonly _tag: "TokenRejected" }> | NoLinkedAccount | DeadLink | AccountStorageError,
    R
  >
}

type AccountStorageError = Effect.Effect.Error<ReturnType<Context.Tag.Service<AccountLinks>["find"]>>

export class Accounts extends Context.Tag("bot/commands/Accounts")<Accounts, AccountsService>() {
  static readonly layer = Layer.effect(
    Accounts,
    Effect.gen(function* () {
      const links = yield* AccountLinks

      const require = Effect.fn("Accounts.require")(function* (person: Person) {
        // A token sealed with a key no longer configured cannot be used: the person must relink.
        const found = yield* links.find(person.teamId, person.userId).pipe(
          Effect.catchIf(
            (e) => e.reason === "unsealable",
            () => Effect.fail(new DeadLink({ username: "", reason: "unreadable" }))
          )
        )
        if (Option.isNone(found)) return yield* new NoLinkedAccount()
        const link = found.value
        if (link.rejectedAt !== null) return yield* new DeadLink({ username: link.username })
        return { link, account: scalingoAccount(link.apiToken) }
      })

      const actingAs = <A, E, R>(person: Person, work: (linked: LinkedAccount) => Effect.Effect<A, E, R>) =>
        Effect.gen(function* () {
          const linked = yield* require(person)
          // "Last used" needs minute precision, not a write per command.
          const lastUsed = linked.link.lastUsedAt?.getTime() ?? 0
          if (Date.now() - lastUsed > 60_000) {
            yield* links
              .touch(person.teamId, person.userId)
              .pipe(Effect.catchAll((e) => Effect.logWarning("could not record last use", e)))
          }
          return yield* work(linked).pipe(
            Effect.catchIf(
              (e): e is Extract<E, { readonly _tag: "TokenRejected" }> =>
                (e as { _tag?: string })?._tag === "TokenRejected",
              () =>
                links
                  .markRejected(person.teamId, person.userId, linked.link.apiToken)
                  .pipe(
                    Effect.zipRight(Effect.logWarning("Scalingo rejected a stored token; link marked dead")),
                    Effect.zipRight(Effect.fail(new DeadLink({ username: linked.link.username })))
                  )
            )
          )
        }) as Effect.Effect<
          A,
          Exclude<E, { readonly _tag: "TokenRejected" }> | NoLinkedAccount | DeadLink | AccountStorageError,
          R
        >

      return Accounts.of({ require, actingAs })
    })
  )
}

export type { ScalingoError }
