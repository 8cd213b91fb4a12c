import { Effect, Option } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import { type PendingChange, PendingChanges } from "../../storage/PendingChanges.js"
import type { Confirmer } from "./executors.js"
import { carryOut } from "./executors.js"
import { type ChangeKinds, type Envelope, type Guard, mayConfirm, type Proof, unmetGuard } from "./kinds.js"

/** A stored change, read back and decoded once with the kinds table. */
export interface ReadChange<C> extends Envelope<C> {
  readonly stored: PendingChange
}

/** What a confirmation or a cancellation came to. */
export type Verdict =
  | { readonly _tag: "Stale" }
  | { readonly _tag: "NotYours" }
  | { readonly _tag: "Expired"; readonly change: PendingChange }
  | { readonly _tag: "AlreadyDecided"; readonly change: PendingChange }
  /** A guard the confirmation did not meet (the app's name not typed): nothing was decided. */
  | { readonly _tag: "Guarded"; readonly change: PendingChange; readonly guard: Guard }
  | { readonly _tag: "Cancelled"; readonly change: PendingChange }
  /** Decided and carried out: what the question becomes. */
  | { readonly _tag: "Carried"; readonly message: Message }

/** The stored change with this id, decoded; none when unknown to this team or unreadable. */
export const readChange = <C extends { readonly _tag: string }>(kinds: ChangeKinds<C>, teamId: string, id: string) =>
  Effect.gen(function* () {
    const found = yield* (yield* PendingChanges).find(teamId, id)
    return Option.flatMap(found, (stored) =>
      Option.map(kinds.decode(stored.details), (envelope): ReadChange<C> => ({ ...envelope, stored }))
    )
  })

/**
 * Decides a stored change for `confirmer`: the change's own rule says who may, its own guards say
 * what must be shown first (whatever button or form carried the click), and the decision itself is
 * one atomic statement, so exactly one confirmation carries the change out.
 */
export const decideChange = <C extends { readonly _tag: string }>(
  kinds: ChangeKinds<C>,
  verdict: "confirm" | "cancel",
  id: string,
  confirmer: Confirmer,
  proof: Proof = {}
) =>
  Effect.gen(function* () {
    const pending = yield* PendingChanges
    const { teamId, userId } = confirmer.person
    const read = yield* readChange(kinds, teamId, id)
    if (Option.isNone(read)) return { _tag: "Stale" } satisfies Verdict
    const { stored, change, confirmBy, guards } = read.value
    if (!mayConfirm(confirmBy, stored, confirmer.person)) return { _tag: "NotYours" } satisfies Verdict
    // The change's own guards, whatever button or form carried the confirmation.
    const guard =
      verdict === "confirm" && stored.status === "pending" ? unmetGuard(guards, stored.app, proof) : undefined
    if (guard !== undefined) return { _tag: "Guarded", change: stored, guard } satisfies Verdict
    const decision = yield* (verdict === "confirm" ? pending.confirm : pending.cancel)(teamId, id, userId)
    switch (decision._tag) {
      case "NotYours":
        return { _tag: "NotYours" } satisfies Verdict
      case "Unknown":
        return { _tag: "Stale" } satisfies Verdict
      case "Expired":
      case "AlreadyDecided":
        return decision satisfies Verdict
      case "Decided":
        return verdict === "cancel"
          ? ({ _tag: "Cancelled", change: decision.change } satisfies Verdict)
          : ({ _tag: "Carried", message: yield* carryOut(kinds, decision.change, change, confirmer) } satisfies Verdict)
    }
  })
