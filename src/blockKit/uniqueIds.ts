import type { types } from "@slack/bolt"
import { LIMITS } from "./limits.js"
import { clip } from "./text.js"

/**
 * Slack refuses (`invalid_blocks`) a block whose elements share an action_id, and a message or view whose
 * blocks share a block_id. Several buttons of one kind (run_command for each quick action, Previous and
 * Next) keep their kind's name and get a suffix, `name#<position>`; routing reads the name alone.
 */
const SUFFIX = "#"

/** The action's name, as features register it: the id without the suffix that made it unique. */
export const actionName = (actionId: string): string => {
  const at = actionId.indexOf(SUFFIX)
  return at < 0 ? actionId : actionId.slice(0, at)
}

const suffixed = (id: string, position: number, max: number): string => {
  const suffix = `${SUFFIX}${position}`
  return `${clip(actionName(id), max - suffix.length)}${suffix}`
}

/** Ids made unique in order: the first keeps its id, a later duplicate gets its position as a suffix. */
const uniqueIn = <T>(
  items: ReadonlyArray<T>,
  idOf: (item: T) => unknown,
  withId: (item: T, id: string) => T,
  max: number
) => {
  const seen = new Set<string>()
  return items.map((item, position) => {
    const id = idOf(item)
    if (typeof id !== "string") return item
    const unique = seen.has(id) ? suffixed(id, position, max) : id
    seen.add(unique)
    return unique === id ? item : withId(item, unique)
  })
}

type Actionable = { readonly action_id?: string }

/** Elements of one block, each with its own action_id. */
export const uniqueActionIds = <E extends Actionable>(elements: ReadonlyArray<E>): Array<E> =>
  uniqueIn(
    elements,
    (e) => e.action_id,
    (e, action_id) => ({ ...e, action_id }),
    LIMITS.actionId
  )

type AnyBlock = types.KnownBlock | types.InputBlock

/** Blocks of one message or view, each block_id unique and each actions block's action_ids unique. */
export const withUniqueIds = <B extends AnyBlock>(blocks: ReadonlyArray<B>): Array<B> =>
  uniqueIn(
    blocks,
    (b) => b.block_id,
    (b, block_id) => ({ ...b, block_id }),
    LIMITS.blockId
  ).map((b) => (b.type === "actions" ? { ...b, elements: uniqueActionIds(b.elements) } : b))
