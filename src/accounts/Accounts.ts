import { fn } from "../tracing/fn.js"
import { Effect, Layer, Option, Predicate, type Redacted } from "effect"
import { Context } from "effect"
import { BearerTokens } from "../scalingo/BearerTokens.js"
import type { ScalingoError, TokenRejected } from "../scalingo/errors.js"
import { type ScalingoAccount, scalingoAccount } from "../scalingo/ScalingoAccount.js"
import { UsersApi } from "../scalingo/UsersApi.js"
import type { User } from "../scalingo/schemas/user.js"
import { type AccountLink, AccountLinks } from "../storage/AccountLinks.js"
import type { StorageError } from "../storage/StorageError.js"
import { DeadLink, NoLinkedAccount } from "./errors.js"
import { LoginAttempts, type TooManyLogins } from "./LoginAttempts.js"

/** Who a Slack person is on both sides: the Slack ids and the Scalingo account they act with. */
export interface SlackPerson {
  readonly teamId: string
  readonly userId: string
}

export interface LinkedAccount {
  readonly link: AccountLink
  readonly account: ScalingoAccount
}

/** What reading someone's link found: a link, none, or one sealed with a key no longer configured. */
export type LinkState =
  | { readonly _tag: "Linked"; readonly link: AccountLink }
  | { readonly _tag: "None" }
  | { readonly _tag: "Unreadable" }

type WithoutRejected<E> = Exclude<E, TokenRejected>

/**
 * The account service: whose Scalingo account a Slack person acts with (storage + Scalingo). It
 * marks a link dead the moment Scalingo rejects its token, so the bot stops using it and the person is
 * told to relink.
 */
export class Accounts extends Context.Tag("bot/accounts/Accounts")<
  Accounts,
  {
    readonly state: (person: SlackPerson) => Effect.Effect<LinkState, StorageError>
    readonly require: (person: SlackPerson) => Effect.Effect<LinkedAccount, NoLinkedAccount | DeadLink | StorageError>
    readonly actingAs: <A, E, R>(
      person: SlackPerson,
      work: (linked: LinkedAccount) => Effect.Effect<A, E, R>
    ) => Effect.Effect<A, WithoutRejected<E> | NoLinkedAccount | DeadLink | StorageError, R>
    /** Checks a token with Scalingo and stores it sealed; nothing is stored when Scalingo refuses it. */
    readonly link: (
      person: SlackPerson,
      apiToken: Redacted.Redacted<string>
    ) => Effect.Effect<User, ScalingoError | StorageError | TooManyLogins>
    /** Forgets the person's token and any bearer cached for it; true when there was one. */
    readonly unlink: (person: SlackPerson) => Effect.Effect<boolean, StorageError>
  }
>() {
  static readonly layer = Layer.effect(
    Accounts,
    Effect.gen(function* () {
      const links = yield* AccountLinks
      const users = yield* UsersApi
      const bearers = yield* BearerTokens
      const attempts = yield* LoginAttempts

      const state = fn("Accounts.state")(function* (person: SlackPerson) {
        return yield* links.find(person.teamId, person.userId).pipe(
          Effect.map(
            Option.match({
              onNone: (): LinkState => ({ _tag: "None" }),
              onSome: (link): LinkState => ({ _tag: "Linked", link })
            })
          ),
          Effect.catchIf(
            (e) => e.reason === "unsealable",
            () => Effect.succeed<LinkState>({ _tag: "Unreadable" })
          )
        )
      })

      const require = fn("Accounts.require")(function* (person: SlackPerson) {
        const found = yield* state(person)
        if (found._tag === "Unreadable") return yield* new DeadLink({ username: "", reason: "unreadable" })
        if (found._tag === "None") return yield* new NoLinkedAccount()
        if (found.link.rejectedAt !== null) return yield* new DeadLink({ username: found.link.username })
        return { link: found.link, account: scalingoAccount(found.link.apiToken) }
      })

      const actingAs = <A, E, R>(person: SlackPerson, work: (linked: LinkedAccount) => Effect.Effect<A, E, R>) => {
        const isRejected = (e: unknown): e is Extract<E, TokenRejected> => Predicate.isTagged(e, "TokenRejected")
        const attempt = (retried: boolean): Effect.Effect<A, unknown, R> =>
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
              Effect.catchIf(isRejected, () =>
                Effect.gen(function* () {
                  // Only the token that failed is marked dead: a relink made meanwhile stays alive.
                  const marked = yield* links.markRejected(person.teamId, person.userId, linked.link.apiToken)
                  if (marked || retried) {
                    yield* Effect.logWarning("Scalingo rejected a stored token; link marked dead")
                    return yield* new DeadLink({ username: linked.link.username })
                  }
                  // The person relinked while this ran: Scalingo refused the token at exchange, before
                  // anything was sent, so the work runs once more with the new link.
                  return yield* attempt(true)
                })
              )
            )
          })
        return attempt(false) as Effect.Effect<A, WithoutRejected<E> | NoLinkedAccount | DeadLink | StorageError, R>
      }

      const link = fn("Accounts.link")(function* (person: SlackPerson, apiToken: Redacted.Redacted<string>) {
        const giveBack = yield* attempts.attempt(person)
        const user = yield* users.self(scalingoAccount(apiToken))
        yield* giveBack
        const previous = yield* links.find(person.teamId, person.userId).pipe(Effect.orElseSucceed(() => Option.none()))
        if (Option.isSome(previous)) yield* bearers.forget(scalingoAccount(previous.value.apiToken))
        yield* links.save({
          teamId: person.teamId,
          userId: person.userId,
          apiToken,
          scalingoUserId: user.id,
          username: user.username,
          email: user.email
        })
        yield* Effect.logInfo("account linked", { scalingo_user: user.id })
        return user
      })

      const unlink = fn("Accounts.unlink")(function* (person: SlackPerson) {
        const existing = yield* links.find(person.teamId, person.userId).pipe(Effect.orElseSucceed(() => Option.none()))
        if (Option.isSome(existing)) yield* bearers.forget(scalingoAccount(existing.value.apiToken))
        const removed = yield* links.remove(person.teamId, person.userId)
        if (removed) yield* Effect.logInfo("account unlinked")
        return removed
      })

      return Accounts.of({ state, require, actingAs, link, unlink })
    })
  )
}
