import { Effect, Schema } from "effect"
import { code, listOf } from "../../blockKit/text.js"
import { ContainerName } from "../../scalingo/containerNames.js"
import { ContainersApi, type ScaleResult } from "../../scalingo/ContainersApi.js"
import { operationIdOf } from "../../runtime/auditTrail.js"
import type { ChangeKind } from "../../runtime/changes/kinds.js"
import { pollOperation } from "../../runtime/changes/operationProgress.js"
import { type ContainerType, MAX_PER_TYPE } from "./scalePlan.js"
import { autoscalerWarning, formationDiff, STOP_ACTION, stopWarning } from "./scaleView.js"

const Amount = Schema.Struct({
  amount: Schema.Int.pipe(Schema.between(0, MAX_PER_TYPE)),
  size: Schema.String.pipe(Schema.maxLength(20))
})

/** Every type of the formation, before → after (unchanged types too, as the question shows them). */
export const ScaleChange = Schema.TaggedStruct("Scale", {
  formation: Schema.Array(
    Schema.Struct({
      name: ContainerName,
      before: Schema.Struct({ amount: Schema.Number, size: Schema.String }),
      after: Amount
    })
  ).pipe(Schema.maxItems(20)),
  /** Types being scaled that have an autoscaler (Scalingo disables it). */
  autoscaled: Schema.Array(Schema.String).pipe(Schema.maxItems(20))
})
export type ScaleChange = typeof ScaleChange.Type

export const scaleChangeOf = (
  before: ReadonlyArray<ContainerType>,
  after: ReadonlyArray<ContainerType>,
  autoscaled: ReadonlyArray<string>
): ScaleChange => ({
  _tag: "Scale",
  formation: after.map((type, i) => ({
    name: type.name,
    before: { amount: before[i]!.amount, size: before[i]!.size },
    after: { amount: type.amount, size: type.size }
  })),
  autoscaled
})

const beforeOf = (change: ScaleChange) => change.formation.map((t) => ({ name: t.name, ...t.before }))
const afterOf = (change: ScaleChange) => change.formation.map((t) => ({ name: t.name, ...t.after }))
/** Only the types that change, as Scalingo's scale request wants them. */
export const changedTypes = (change: ScaleChange): ReadonlyArray<ContainerType> =>
  change.formation
    .filter((t) => t.before.amount !== t.after.amount || t.before.size !== t.after.size)
    .map((t) => ({ name: t.name, ...t.after }))
/** Each changed type before → after: `web: 1 → 3 (M)`, or `web: 1 × S → 2 × L` when its size changes too. */
export const beforeToAfter = (change: ScaleChange): ReadonlyArray<string> =>
  change.formation
    .filter((t) => t.before.amount !== t.after.amount || t.before.size !== t.after.size)
    .map(({ name, before, after }) =>
      code(
        before.size === after.size
          ? `${name}: ${before.amount} → ${after.amount} (${after.size})`
          : `${name}: ${before.amount} × ${before.size} → ${after.amount} × ${after.size}`
      )
    )

/** True when no container at all would be left running. */
export const stopsApp = (change: ScaleChange) =>
  change.formation.every((t) => t.after.amount === 0) && change.formation.some((t) => t.before.amount > 0)

/**
 * A confirmed scale: exactly one `POST /scale` with the confirmer's account, followed in the channel
 * from Scalingo's operation. One that leaves no container stops the app: its name must be typed.
 */
export const scaleKind: ChangeKind<ScaleChange, ScaleResult> = {
  action: "scale",
  words: { emoji: ":bar_chart:", ongoing: "scaling", done: "scaled", noun: "scale" },
  question: (change, target) => ({
    title: stopsApp(change) ? "Stop" : "Scale",
    lines: [
      ...formationDiff(beforeOf(change), afterOf(change)),
      ...autoscalerWarning(change.autoscaled),
      ...(stopsApp(change) ? [stopWarning(target.app)] : [])
    ],
    ...(stopsApp(change) ? { confirm: { actionId: STOP_ACTION, text: "Stop the app…" } } : {})
  }),
  guards: (change) => (stopsApp(change) ? [{ _tag: "TypedName" }] : []),
  what: (change, target) => `${code(target.app)} (${code(target.region)}), ${listOf(beforeToAfter(change))}`,
  audit: (change) => ({ changes: changedTypes(change) }),
  send: (change, target, account) =>
    Effect.flatMap(ContainersApi, (containers) =>
      containers.scale(account, target.region, target.app, changedTypes(change))
    ),
  ref: (result) => operationIdOf(result.operationUrl),
  progress: (result, target, account) =>
    result.operationUrl === undefined
      ? undefined
      : pollOperation(account, target.region, result.operationUrl, Date.now())
}
