// What Slack refuses in what the bot sends, in one pure function: every rule and limit of
// docs/slack-platform.md §5, with the error Slack answers (`invalid_blocks`, `msg_too_long`,
// `invalid_arguments`…). The fake Slack applies it to every Web API call, response_url post and
// acknowledgement body, so every test that passes is a check of what Slack would take.
import {
  ACTIONS_ELEMENTS,
  Broken,
  eachAt,
  elementAt,
  fail,
  isObject,
  type Json,
  listAt,
  objectAt,
  optionsAt,
  stringAt,
  textObject
} from "./blockKitElements.js"
import { BLOCK_KIT_LIMITS as L } from "./blockKitLimits.js"

/** What a payload is: a message (Web API, response_url, slash command ack), a view, or an ack body. */
export type PayloadKind = "message" | "view" | "options" | "view_submission_ack" | "command_ack"

/** Slack's error code, and the message Slack puts in `response_metadata.messages`. */
export interface Refusal {
  readonly error: string
  readonly message: string
}

const ACCESSORIES = new Set(["button", "overflow", "static_select", "external_select", "users_select", "image"])
for (const type of ["conversations_select", "channels_select", "datepicker", "checkboxes", "radio_buttons"])
  ACCESSORIES.add(type)
const INPUT_ELEMENTS = new Set(["plain_text_input", "static_select", "external_select", "users_select"])
for (const type of ["conversations_select", "channels_select", "datepicker", "checkboxes", "radio_buttons"])
  INPUT_ELEMENTS.add(type)

/** Each block type's own rules; answers the action_ids it holds (unique within the block). */
const BLOCKS: Record<string, (b: Json, at: string) => ReadonlyArray<string | undefined>> = {
  section: (b, at) => {
    if (b.text === undefined && b.fields === undefined) fail(at, "must provide text or fields")
    if (b.text !== undefined) textObject(b.text, `${at}/text`, L.sectionText)
    if (b.fields !== undefined)
      eachAt(b.fields, `${at}/fields`, 1, L.sectionFields, (f, path) => textObject(f, path, L.fieldText))
    return b.accessory === undefined ? [] : [elementAt(b.accessory, `${at}/accessory`, ACCESSORIES)]
  },
  header: (b, at) => {
    textObject(b.text, `${at}/text`, L.headerText, "plain")
    return []
  },
  context: (b, at) => {
    eachAt(b.elements, `${at}/elements`, 1, L.contextElements, (e, path) =>
      isObject(e) && e.type === "image" ? elementAt(e, path, new Set(["image"])) : textObject(e, path, L.contextText)
    )
    return []
  },
  actions: (b, at) =>
    listAt(b.elements, `${at}/elements`, 1, L.actionsElements).map((e, i) =>
      elementAt(e, `${at}/elements/${i}`, ACTIONS_ELEMENTS)
    ),
  divider: () => [],
  image: (b, at) => {
    elementAt({ ...b, type: "image" }, at, new Set(["image"]))
    if (b.title !== undefined) textObject(b.title, `${at}/title`, L.imageAltText, "plain")
    return []
  },
  input: (b, at) => {
    textObject(b.label, `${at}/label`, L.inputLabel, "plain")
    if (b.hint !== undefined) textObject(b.hint, `${at}/hint`, L.inputHint, "plain")
    return [elementAt(b.element, `${at}/element`, INPUT_ELEMENTS)]
  }
}

/** Blocks of a message or view: at most `max`, each valid, block_ids unique, action_ids unique per block. */
const blocksAt = (value: unknown, at: string, max: number): ReadonlyArray<Json> => {
  const blocks = listAt(value, at, 0, max)
  const blockIds = new Set<string>()
  blocks.forEach((raw, i) => {
    const b = objectAt(raw, `${at}/${i}`)
    const rules = BLOCKS[typeof b.type === "string" ? b.type : ""]
    if (rules === undefined) fail(`${at}/${i}/type`, `unsupported block type ${String(b.type)}`)
    stringAt(b.block_id, `${at}/${i}/block_id`, L.blockId, 1)
    if (typeof b.block_id === "string") {
      if (blockIds.has(b.block_id)) fail(`${at}/${i}/block_id`, `a block_id must be unique: ${b.block_id}`)
      blockIds.add(b.block_id)
    }
    const actionIds = new Set<string>()
    for (const id of rules!(b, `${at}/${i}`)) {
      if (id === undefined) continue
      if (actionIds.has(id)) fail(`${at}/${i}`, `an action_id must be unique within its block: ${id}`)
      actionIds.add(id)
    }
  })
  return blocks as ReadonlyArray<Json>
}

/** The length of every string under a `text` key, at any depth. */
const blockTextLength = (value: unknown, key?: string): number => {
  if (typeof value === "string") return key === "text" ? value.length : 0
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item, key), 0)
  if (isObject(value)) return Object.entries(value).reduce((sum, [k, v]) => sum + blockTextLength(v, k), 0)
  return 0
}

const refusal = (error: string, message: string): Refusal => ({ error, message })

const messageRefusal = (p: Json): Refusal | undefined => {
  if (p.blocks !== undefined && !Array.isArray(p.blocks)) return refusal("invalid_blocks_format", "blocks: an array")
  const hasText = typeof p.text === "string" && p.text.length > 0
  const blocks = (p.blocks ?? []) as ReadonlyArray<unknown>
  if (!hasText && blocks.length === 0 && p.attachments === undefined) return refusal("no_text", "text or blocks")
  if (hasText && (p.text as string).length > L.messageText)
    return refusal("msg_too_long", `text over ${L.messageText} characters`)
  if (Array.isArray(p.attachments) && p.attachments.length > L.attachments)
    return refusal("too_many_attachments", `over ${L.attachments} attachments`)
  const broken = check(() => blocksAt(blocks, "/blocks", L.blocksPerMessage), "invalid_blocks")
  if (broken !== undefined) return broken
  if (blockTextLength(blocks) > L.totalBlockText)
    return refusal("msg_blocks_too_long", `over ${L.totalBlockText} characters of block text`)
  return undefined
}

const viewRules = (value: unknown, at = "/view"): void => {
  const v = objectAt(value, at)
  if (v.type !== "modal" && v.type !== "home") fail(`${at}/type`, "must be modal or home")
  const blocks = blocksAt(v.blocks, `${at}/blocks`, L.blocksPerView)
  if (v.type === "modal") {
    textObject(v.title, `${at}/title`, L.viewTitle, "plain")
    if (v.submit !== undefined) textObject(v.submit, `${at}/submit`, L.viewButton, "plain")
    if (v.close !== undefined) textObject(v.close, `${at}/close`, L.viewButton, "plain")
    if (v.submit === undefined && blocks.some((b) => b.type === "input"))
      fail(`${at}/submit`, "is required when a view has an input block")
  }
  stringAt(v.callback_id, `${at}/callback_id`, L.callbackId)
  stringAt(v.private_metadata, `${at}/private_metadata`, L.privateMetadata)
  stringAt(v.external_id, `${at}/external_id`, L.externalId)
}

const viewRefusal = (view: unknown): Refusal | undefined => {
  if (JSON.stringify(view ?? null).length > L.viewBytes) return refusal("view_too_large", "over 250 kB")
  return check(() => viewRules(view), "invalid_arguments")
}

/** A view_submission's acknowledgement: empty, `errors`, `clear`, or `update`/`push` with a valid view. */
const viewSubmissionAckRefusal = (body: Json): Refusal | undefined =>
  check(() => {
    const action = body.response_action
    if (action === undefined && Object.keys(body).length === 0) return
    if (action === "clear") return
    if (action === "update" || action === "push") return viewRules(body.view)
    if (action !== "errors") return fail("/response_action", "must be errors, update, push or clear")
    const errors = objectAt(body.errors, "/errors")
    for (const [blockId, text] of Object.entries(errors)) stringAt(text, `/errors/${blockId}`, L.sectionText, 1)
  }, "invalid_arguments")

/** The error Slack answers for this payload, or undefined when Slack would take it. */
export const slackRefusal = (kind: PayloadKind, payload: unknown): Refusal | undefined => {
  const body = isObject(payload) ? payload : {}
  if (kind === "message") return messageRefusal(body)
  if (kind === "view") return viewRefusal(payload)
  if (kind === "options") return check(() => optionsAt(body, "", false), "invalid_arguments")
  if (kind === "view_submission_ack") return viewSubmissionAckRefusal(body)
  // A slash command's acknowledgement: empty, or a message shown at once.
  return Object.keys(body).length === 0 ? undefined : messageRefusal(body)
}

/**
 * What the acknowledgement of a request Slack sent is checked as: a slash command's (a message), a view
 * submission's, a select's options; undefined for the rest (events, clicks), whose ack body Slack ignores.
 */
export const ackKindOf = (
  request: "slash_commands" | "interactive" | "events_api",
  payload: unknown
): PayloadKind | undefined => {
  if (request === "slash_commands") return "command_ack"
  if (request !== "interactive" || !isObject(payload)) return undefined
  if (payload.type === "view_submission") return "view_submission_ack"
  return payload.type === "block_suggestion" ? "options" : undefined
}

const check = (rules: () => unknown, error: string): Refusal | undefined => {
  try {
    rules()
    return undefined
  } catch (broken) {
    if (broken instanceof Broken) return refusal(error, broken.message)
    throw broken
  }
}
