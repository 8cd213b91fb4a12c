/**
 * What `scale web:2 worker:+1:L` means, as a pure function of the words and the app's formation: the
 * plan shown for confirmation (before → after) or every problem with it, each as a sentence. As the
 * CLI does: an amount may be relative (`+1`, `-2`), a relative amount cannot be combined with a size,
 * and Scalingo allows at most 10 containers of one type.
 */

import { CONTAINER_TYPE_PATTERN } from "../../scalingo/containerNames.js"

export interface ContainerType {
  readonly name: string
  readonly amount: number
  readonly size: string
}

export interface RequestedChange {
  readonly type: string
  readonly amount: { readonly relative: boolean; readonly value: number }
  readonly size?: string
}

export interface ScalePlan {
  readonly before: ReadonlyArray<ContainerType>
  readonly after: ReadonlyArray<ContainerType>
  /** Only the types that change, as Scalingo's scale request wants them. */
  readonly changes: ReadonlyArray<ContainerType>
  /** True when no container at all would be left running. */
  readonly stopsApp: boolean
}

export const MAX_PER_TYPE = 10
const CHANGE = new RegExp(`^(${CONTAINER_TYPE_PATTERN}):([+-]?\\d{1,3})(?::([A-Za-z0-9-]{1,20}))?$`)

export type Parsed = { readonly ok: true; readonly changes: ReadonlyArray<RequestedChange> } | Problems
export interface Problems {
  readonly ok: false
  readonly problems: ReadonlyArray<string>
}

const code = (text: string) => `\`${text.replace(/[`<>&]/g, "").slice(0, 60)}\``

/** The words after the app name. */
export const parseChanges = (words: ReadonlyArray<string>): Parsed => {
  const problems: Array<string> = []
  const changes: Array<RequestedChange> = []
  if (words.length === 0) problems.push("Say what to scale, e.g. `web:2`, `worker:+1` or `web:3:L`.")
  for (const word of words) {
    const match = CHANGE.exec(word)
    if (match === null) {
      problems.push(`${code(word)} is not a change: write \`type:amount\` or \`type:amount:size\`, e.g. \`web:2:M\`.`)
      continue
    }
    const [, type, amount, size] = match as unknown as [string, string, string, string | undefined]
    const relative = amount.startsWith("+") || amount.startsWith("-")
    if (relative && size !== undefined) {
      problems.push(`${code(word)}: a relative amount cannot change the size too; scale it in two steps.`)
      continue
    }
    if (changes.some((c) => c.type === type)) {
      problems.push(`${code(type)} is named twice; say each type once.`)
      continue
    }
    changes.push({ type, amount: { relative, value: Number(amount) }, ...(size !== undefined ? { size } : {}) })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes }
}

export type Planned = ({ readonly ok: true } & ScalePlan) | Problems

/** The formation after the changes, checked against the app's real types and Scalingo's sizes. */
export const planScale = (
  formation: ReadonlyArray<ContainerType>,
  changes: ReadonlyArray<RequestedChange>,
  sizes: ReadonlyArray<string>
): Planned => {
  const problems: Array<string> = []
  const after = formation.map((t) => ({ ...t }))
  const known = formation.map((t) => code(t.name)).join(", ")
  for (const change of changes) {
    const current = after.find((t) => t.name === change.type)
    if (current === undefined) {
      problems.push(
        formation.length === 0
          ? `This app has no container type yet (it was never deployed), so ${code(change.type)} cannot be scaled.`
          : `This app has no ${code(change.type)} containers; its types are ${known}.`
      )
      continue
    }
    const amount = change.amount.relative ? current.amount + change.amount.value : change.amount.value
    if (amount < 0) problems.push(`${code(change.type)} has ${current.amount}; it cannot go to ${amount}.`)
    else if (amount > MAX_PER_TYPE)
      problems.push(`Scalingo allows at most ${MAX_PER_TYPE} ${code(change.type)} containers, not ${amount}.`)
    const size =
      change.size === undefined ? current.size : sizes.find((s) => s.toLowerCase() === change.size?.toLowerCase())
    if (size === undefined)
      problems.push(`${code(change.size ?? "")} is not a container size; Scalingo's are ${sizes.map(code).join(", ")}.`)
    current.amount = amount
    current.size = size ?? current.size
  }
  if (problems.length > 0) return { ok: false, problems }
  const changed = after.filter((t, i) => t.amount !== formation[i]!.amount || t.size !== formation[i]!.size)
  if (changed.length === 0)
    return { ok: false, problems: ["That is the formation the app already has: nothing to change."] }
  return {
    ok: true,
    before: formation,
    after,
    changes: changed,
    stopsApp: after.every((t) => t.amount === 0) && formation.some((t) => t.amount > 0)
  }
}

/** `web: 2 × M`, one type. */
export const formationLine = (type: ContainerType): string => `${type.name}: ${type.amount} × ${type.size}`
