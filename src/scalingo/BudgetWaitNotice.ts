import { Context, type Effect } from "effect"

/** What a request waiting for its account's budget knows about its place in line. */
export interface BudgetWait {
  /** Requests of the same account that will be served before this one. */
  readonly ahead: number
  /** About how long until this one is sent. */
  readonly waitSeconds: number
}

/**
 * Told once when a request has waited about 1.5 s for its account's Scalingo budget, so the person
 * can be told why nothing happens yet. The router provides one per interaction (a private note);
 * by default nobody is told.
 */
export class BudgetWaitNotice extends Context.Reference<BudgetWaitNotice>()("bot/scalingo/BudgetWaitNotice", {
  defaultValue: (): ((wait: BudgetWait) => Effect.Effect<void>) | undefined => undefined
}) {}

/**
 * Wraps each wait on Scalingo that is not work (a wait for the account's budget, or for a read another
 * caller is already making), so the caller can hand back what it holds meanwhile: the Slack side gives
 * up its work turn, letting other people's commands run. By default the wait runs as it is.
 */
export class AroundScalingoWait extends Context.Reference<AroundScalingoWait>()("bot/scalingo/AroundScalingoWait", {
  defaultValue: (): (<A, E, R>(wait: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>) | undefined => undefined
}) {}
