import { type Effect, Match, Option, Schema } from "effect"
import type { ScalingoAccount } from "../../scalingo/ScalingoAccount.js"
import type { PendingChange } from "../../storage/PendingChanges.js"
import type { RuntimeServices } from "../feature.js"
import type { Person } from "../interaction/Interaction.js"
import type { KnownError } from "../sentences/knownErrors.js"
import type { Progress } from "./progress.js"
import type { ChangeWords } from "./progressView.js"

/** Who may confirm a change. Today only its asker; approvals by others arrive as new variants. */
export const ConfirmRule = Schema.Union(Schema.TaggedStruct("Requester", {}))
export type ConfirmRule = typeof ConfirmRule.Type

/** What must be shown before a change is sent, whichever button or form carries the confirmation. */
export const Guard = Schema.Union(Schema.TaggedStruct("TypedName", {}))
export type Guard = typeof Guard.Type

/** What a confirmation path brings besides the click: the app's name, when the person typed it. */
export interface Proof {
  readonly typedName?: string | undefined
}

export const mayConfirm = (rule: ConfirmRule, change: PendingChange, person: Person): boolean =>
  Match.value(rule).pipe(
    Match.tag("Requester", () => person.userId === change.userId && person.teamId === change.teamId),
    Match.exhaustive
  )

/** The first guard the proof does not meet, if any. */
export const unmetGuard = (guards: ReadonlyArray<Guard>, app: string, proof: Proof): Guard | undefined =>
  guards.find((guard) =>
    Match.value(guard).pipe(
      Match.tag("TypedName", () => proof.typedName?.trim() !== app),
      Match.exhaustive
    )
  )

/** Where a change acts: its app and region (stored in their own columns, for policies and listings). */
export interface ChangeTarget {
  readonly app: string
  readonly region: string
}

/** A change Scalingo accepted: where it was confirmed, by whom, and the account that sent it. */
export interface SentChange extends ChangeTarget {
  readonly teamId: string
  readonly channelId: string
  readonly userId: string
  readonly account: ScalingoAccount
}

/** The private question before a change: its verb, what will happen, and its confirm button. */
export interface Question {
  /** The button's and the question's verb: "Restart", "Scale", "Stop". */
  readonly title: string
  readonly lines: ReadonlyArray<string>
  /** Another confirm button (the stop modal's opener); the plain confirmation by default. */
  readonly confirm?: { readonly actionId: string; readonly text: string }
}

/**
 * One kind of change, declared once: the policy and audit action, how it asks, which guards it needs,
 * what its audit record holds, how it is sent, and how its progress is read (any effect that reports
 * a status: an operation today, a deployment or a backup next). `A` is what sending returns.
 */
export interface ChangeKind<C extends { readonly _tag: string }, A = unknown> {
  readonly action: string
  readonly words: ChangeWords
  readonly question: (change: C, target: ChangeTarget) => Question
  readonly guards: (change: C) => ReadonlyArray<Guard>
  /** What the change does, as the channel reads it: "`web` of `alice-web` (`osc-fr1`)". */
  readonly what: (change: C, target: ChangeTarget) => string
  /** What the audit record keeps of the change: never a secret, an environment value or a link. */
  readonly audit: (change: C) => unknown
  readonly send: (change: C, target: ChangeTarget, account: ScalingoAccount) => Effect.Effect<A, KnownError, Services>
  /** What else follows once Scalingo accepted it (a restart retires the crash alerts' Restart buttons). */
  readonly afterSent?: (change: C, sent: SentChange) => Effect.Effect<void, never, Services>
  /** Scalingo's id of what was sent (an operation, a deployment), for the audit record. */
  readonly ref: (sent: A) => string | undefined
  /** One read of the change's status, repeated until it is finished; undefined when applied at once. */
  readonly progress: (
    sent: A,
    target: ChangeTarget,
    account: ScalingoAccount
  ) => Effect.Effect<Progress, KnownError, Services> | undefined
}

type Services = RuntimeServices

/** Every kind of a union, keyed by tag: a kind without a declaration fails the type check. */
export type KindsOf<C extends { readonly _tag: string }> = {
  // biome-ignore lint/suspicious/noExplicitAny: each kind's send result is its own (used in and out)
  readonly [K in C["_tag"]]: ChangeKind<Extract<C, { _tag: K }>, any>
}

/** The stored form of a change: the change itself, who may confirm it, and its guards. */
export interface Envelope<C> {
  readonly change: C
  readonly confirmBy: ConfirmRule
  readonly guards: ReadonlyArray<Guard>
}

/** The kinds table: the union's schema (decoded once, where a stored change is read) and each kind. */
export interface ChangeKinds<C extends { readonly _tag: string }> {
  readonly kindOf: (change: C) => ChangeKind<C>
  readonly encode: (envelope: Envelope<C>) => unknown
  readonly decode: (stored: unknown) => Option.Option<Envelope<C>>
}

export const declareKinds = <C extends { readonly _tag: string }, I>(
  schema: Schema.Schema<C, I>,
  kinds: KindsOf<C>
): ChangeKinds<C> => {
  const envelope = Schema.Struct({ change: schema, confirmBy: ConfirmRule, guards: Schema.Array(Guard) })
  const decode = Schema.decodeUnknownOption(envelope)
  return {
    kindOf: (change) => kinds[change._tag as C["_tag"]] as unknown as ChangeKind<C>,
    encode: Schema.encodeSync(envelope),
    decode: (stored) => Option.map(decode(stored), (decoded) => decoded as Envelope<C>)
  }
}
