// Slack's limits on one message, as chat.postMessage, chat.update, chat.postEphemeral and response_url
// enforce them (docs/slack-platform.md §5). The block-text total is not documented: issue 9 measured
// Slack refusing pages of about 13,000 characters of block text with `msg_blocks_too_long`, so the
// fake refuses past 12,000, a little below, to catch pages that only just pass.

export const MESSAGE_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  /** Characters of text in all blocks together (every `text` string at any depth). */
  totalBlockText: 12_000,
  /** Slack truncates or refuses (`msg_too_long`) a top-level text past this. */
  text: 40_000
} as const

type Json = Record<string, unknown>

const textOf = (value: unknown): string | undefined => {
  if (typeof value === "string") return value
  const text = (value as Json | null | undefined)?.text
  return typeof text === "string" ? text : undefined
}

/** The length of every string under a `text` key, at any depth. */
const blockTextLength = (value: unknown, key?: string): number => {
  if (typeof value === "string") return key === "text" ? value.length : 0
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item, key), 0)
  if (typeof value === "object" && value !== null)
    return Object.entries(value).reduce((sum, [k, v]) => sum + blockTextLength(v, k), 0)
  return 0
}

const blockBreaksLimits = (block: unknown): boolean => {
  const b = (block ?? {}) as Json
  if (typeof b.type !== "string") return true
  if (b.type === "header") return (textOf(b.text)?.length ?? 0) > MESSAGE_LIMITS.headerText
  if (b.type !== "section") return false
  if ((textOf(b.text)?.length ?? 0) > MESSAGE_LIMITS.sectionText) return true
  const fields = Array.isArray(b.fields) ? b.fields : []
  return (
    fields.length > MESSAGE_LIMITS.sectionFields ||
    fields.some((f) => (textOf(f)?.length ?? 0) > MESSAGE_LIMITS.fieldText)
  )
}

/** Slack's error code for a message it would refuse, or undefined when it would take it. */
export const messageRefusal = (params: Json): string | undefined => {
  const { blocks, text } = params
  if (blocks !== undefined && !Array.isArray(blocks)) return "invalid_blocks_format"
  const list = (blocks ?? []) as ReadonlyArray<unknown>
  const hasText = typeof text === "string" && text.length > 0
  if (!hasText && list.length === 0) return "no_text"
  if (hasText && (text as string).length > MESSAGE_LIMITS.text) return "msg_too_long"
  if (list.length > MESSAGE_LIMITS.blocks || list.some(blockBreaksLimits)) return "invalid_blocks"
  if (blockTextLength(list) > MESSAGE_LIMITS.totalBlockText) return "msg_blocks_too_long"
  return undefined
}
