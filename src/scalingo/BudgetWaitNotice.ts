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
