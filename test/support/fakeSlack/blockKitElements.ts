// Block Kit's composition objects and interactive elements as Slack checks them (docs/slack-platform.md §5):
// each check throws `Broken` with the JSON pointer Slack would name in `response_metadata.messages`.
import { BLOCK_KIT_LIMITS as L } from "./blockKitLimits.js"

export type Json = Record<string, unknown>

/** One broken rule: where (a JSON pointer, as Slack writes it) and why. */
export class Broken extends Error {
  constructor(
    readonly at: string,
    readonly why: string
  ) {
    super(`${why} [json-pointer:${at}]`)
  }
}

export const fail = (at: string, why: string): never => {
  throw new Broken(at, why)
}

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export const objectAt = (value: unknown, at: string): Json => (isObject(value) ? value : fail(at, "must be an object"))

export const listAt = (value: unknown, at: string, min: number, max: number): ReadonlyArray<unknown> => {
  if (!Array.isArray(value)) return fail(at, "must be an array")
  if (value.length < min) fail(at, `must provide at least ${min} items`)
  if (value.length > max) fail(at, `must provide no more than ${max} items`)
  return value
}

/** A list of `min`..`max` items, each checked at its own pointer. */
export const eachAt = (
  value: unknown,
  at: string,
  min: number,
  max: number,
  check: (item: unknown, at: string) => unknown
): void => {
  for (const [i, item] of listAt(value, at, min, max).entries()) check(item, `${at}/${i}`)
}

/** An optional string of at most `max` characters (and at least `min` when given). */
export const stringAt = (value: unknown, at: string, max: number, min = 0): void => {
  if (value === undefined) return
  if (typeof value !== "string") fail(at, "must be a string")
  const text = value as string
  if (text.length < min) fail(at, `must be at least ${min} characters`)
  if (text.length > max) fail(at, `must be less than ${max + 1} characters`)
}

export const requiredStringAt = (value: unknown, at: string, max: number, min = 1): void => {
  if (value === undefined) fail(at, "is required")
  stringAt(value, at, max, min)
}

/** A text object: `plain_text` only where Slack shows text plain, mrkdwn where it allows it; 1..max characters. */
export const textObject = (value: unknown, at: string, max: number, kind: "plain" | "any" = "any"): void => {
  const t = objectAt(value, at)
  if (t.type !== "plain_text" && t.type !== "mrkdwn") fail(`${at}/type`, "must be plain_text or mrkdwn")
  if (kind === "plain" && t.type !== "plain_text") fail(`${at}/type`, "must be plain_text")
  if (t.type === "plain_text" && t.verbatim !== undefined) fail(`${at}/verbatim`, "is not allowed on plain_text")
  if (t.type === "mrkdwn" && t.emoji !== undefined) fail(`${at}/emoji`, "is not allowed on mrkdwn")
  requiredStringAt(t.text, `${at}/text`, max)
}

const STYLES = new Set(["primary", "danger"])
const styleAt = (value: unknown, at: string) => {
  if (value !== undefined && !STYLES.has(value as string)) fail(at, "must be primary or danger")
}

const confirmAt = (value: unknown, at: string) => {
  if (value === undefined) return
  const c = objectAt(value, at)
  textObject(c.title, `${at}/title`, L.confirmTitle, "plain")
  textObject(c.text, `${at}/text`, L.confirmText)
  textObject(c.confirm, `${at}/confirm`, L.confirmButton, "plain")
  textObject(c.deny, `${at}/deny`, L.confirmButton, "plain")
  styleAt(c.style, `${at}/style`)
}

export const optionAt = (value: unknown, at: string, textKind: "plain" | "any" = "plain"): void => {
  const o = objectAt(value, at)
  textObject(o.text, `${at}/text`, L.optionText, textKind)
  requiredStringAt(o.value, `${at}/value`, L.optionValue)
  if (o.description !== undefined) textObject(o.description, `${at}/description`, L.optionDescription, "plain")
  stringAt(o.url, `${at}/url`, L.url)
}

/** A select's or a suggestion's `options` (≤100) or `option_groups` (≤100, each label ≤75, options ≤100). */
export const optionsAt = (o: Json, at: string, required: boolean): void => {
  if (o.options !== undefined && o.option_groups !== undefined) fail(at, "must provide options or option_groups")
  if (o.options !== undefined) eachAt(o.options, `${at}/options`, 0, L.selectOptions, (x, path) => optionAt(x, path))
  else if (o.option_groups !== undefined)
    eachAt(o.option_groups, `${at}/option_groups`, 1, L.optionGroups, (g, path) => {
      const group = objectAt(g, path)
      textObject(group.label, `${path}/label`, L.optionGroupLabel, "plain")
      eachAt(group.options, `${path}/options`, 1, L.selectOptions, (x, inner) => optionAt(x, inner))
    })
  else if (required) fail(at, "must provide options or option_groups")
}

const placeholderAt = (value: unknown, at: string) => {
  if (value !== undefined) textObject(value, at, L.placeholder, "plain")
}

/** Interactive elements, by type; `actionable` ones carry an action_id of at most 255 characters. */
const ELEMENTS: Record<string, (e: Json, at: string) => void> = {
  button: (e, at) => {
    textObject(e.text, `${at}/text`, L.buttonText, "plain")
    stringAt(e.value, `${at}/value`, L.buttonValue)
    stringAt(e.url, `${at}/url`, L.url, 1)
    styleAt(e.style, `${at}/style`)
  },
  overflow: (e, at) => eachAt(e.options, `${at}/options`, 1, L.overflowOptions, (o, path) => optionAt(o, path)),
  static_select: (e, at) => {
    placeholderAt(e.placeholder, `${at}/placeholder`)
    optionsAt(e, at, true)
    const offered = [
      ...((e.options as Array<Json> | undefined) ?? []),
      ...((e.option_groups as Array<Json> | undefined) ?? []).flatMap((g) => (g.options as Array<Json>) ?? [])
    ].map((o) => o.value)
    const initial = e.initial_option as Json | undefined
    if (initial !== undefined && !offered.includes(initial.value))
      fail(`${at}/initial_option`, "must match one of the provided options")
  },
  external_select: (e, at) => {
    placeholderAt(e.placeholder, `${at}/placeholder`)
    const min = e.min_query_length
    if (min !== undefined && (!Number.isInteger(min) || (min as number) < 0))
      fail(`${at}/min_query_length`, "must be a non-negative integer")
  },
  plain_text_input: (e, at) => {
    placeholderAt(e.placeholder, `${at}/placeholder`)
    const max = e.max_length as number | undefined,
      min = e.min_length as number | undefined
    if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > L.plainTextInput))
      fail(`${at}/max_length`, `must be between 1 and ${L.plainTextInput}`)
    if (min !== undefined && (!Number.isInteger(min) || min < 0 || min > L.plainTextInput))
      fail(`${at}/min_length`, `must be between 0 and ${L.plainTextInput}`)
    if (min !== undefined && max !== undefined && min > max) fail(`${at}/min_length`, "must not exceed max_length")
    stringAt(e.initial_value, `${at}/initial_value`, max ?? L.plainTextInput)
  },
  users_select: (e, at) => placeholderAt(e.placeholder, `${at}/placeholder`),
  conversations_select: (e, at) => placeholderAt(e.placeholder, `${at}/placeholder`),
  channels_select: (e, at) => placeholderAt(e.placeholder, `${at}/placeholder`),
  datepicker: (e, at) => placeholderAt(e.placeholder, `${at}/placeholder`),
  checkboxes: (e, at) => eachAt(e.options, `${at}/options`, 1, 10, (o, path) => optionAt(o, path)),
  radio_buttons: (e, at) => eachAt(e.options, `${at}/options`, 1, 10, (o, path) => optionAt(o, path)),
  image: (e, at) => {
    requiredStringAt(e.image_url, `${at}/image_url`, L.url)
    requiredStringAt(e.alt_text, `${at}/alt_text`, L.imageAltText)
  }
}

/** Elements an `actions` block may hold (`plain_text_input` and `image` may not). */
export const ACTIONS_ELEMENTS = new Set(["button", "overflow", "static_select", "external_select", "users_select"])
for (const type of ["conversations_select", "channels_select", "datepicker", "checkboxes", "radio_buttons"])
  ACTIONS_ELEMENTS.add(type)

/** One element of `allowed` types, checked with its own rules; answers its action_id, if any. */
export const elementAt = (value: unknown, at: string, allowed: ReadonlySet<string>): string | undefined => {
  const e = objectAt(value, at)
  const type = typeof e.type === "string" ? e.type : ""
  if (!allowed.has(type) || ELEMENTS[type] === undefined) fail(`${at}/type`, `an element of type ${type || "?"}`)
  ELEMENTS[type]!(e, at)
  confirmAt(e.confirm, `${at}/confirm`)
  if (type === "image") return undefined
  stringAt(e.action_id, `${at}/action_id`, L.actionId, 1)
  return e.action_id as string | undefined
}
