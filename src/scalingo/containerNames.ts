import { Schema } from "effect"
import { code, listOf } from "../blockKit/text.js"

/**
 * How people name containers, for every command that takes them (restart, scale, logs): a container
 * type is a Procfile process name (`web`, `worker`, `clock_2`); one container of it is the type and its
 * index (`web-1`). Logs also know the router and one-off containers, which no formation lists.
 */

/** A container type's name, as Scalingo accepts it in a Procfile: lowercase, at most 63 characters. */
export const CONTAINER_TYPE_PATTERN = "[a-z0-9][a-z0-9_-]{0,62}"
const TYPE = new RegExp(`^${CONTAINER_TYPE_PATTERN}$`)
const CONTAINER = new RegExp(`^(${CONTAINER_TYPE_PATTERN})-(\\d{1,3})$`)
const ONE_OFF = /^one-off-\d{1,6}$/

/** A stored container type or container name (a change's scope, a formation's type), as the grammar says. */
export const ContainerName = Schema.String.pipe(Schema.pattern(TYPE))

/** The router's logs: a filter every app has, though no formation lists it. */
export const ROUTER = "router"

/** Whether a word is shaped like a container type or a container (`web`, `web-1`): nothing else reaches a request. */
export const isContainerName = (word: string): boolean => TYPE.test(word)

/** Whether a word names a one-off container (`one-off-1234`), which only logs can ask about. */
export const isOneOff = (word: string): boolean => ONE_OFF.test(word)

/** Whether a word names one of the formation's types (`web`) or one container of one (`web-1`). */
export const namesInFormation = (word: string, types: ReadonlyArray<string>): boolean => {
  if (!isContainerName(word)) return false
  if (types.includes(word)) return true
  const container = CONTAINER.exec(word)
  return container !== null && types.includes(container[1]!)
}

/** The words that name no type nor container of the formation, in their order. */
export const notInFormation = (words: ReadonlyArray<string>, types: ReadonlyArray<string>): Array<string> =>
  words.filter((word) => !namesInFormation(word, types))

/** What an app's containers are, for a sentence: `its types are `web` and `worker`.` */
export const typesOf = (types: ReadonlyArray<string>): string =>
  types.length > 0 ? `its types are ${listOf(types.map((t) => code(t)))}.` : "it has no containers yet."

/**
 * The sentence for names the app does not have: "`my-app` has no `db` to restart; its types are `web`
 * and `worker`." `purpose` says what they were for ("to restart", "containers").
 */
export const unknownContainersSentence = (
  app: string,
  unknown: ReadonlyArray<string>,
  types: ReadonlyArray<string>,
  purpose: string
): string => `${code(app)} has no ${listOf(unknown.map((u) => code(u)))} ${purpose}; ${typesOf(types)}`
