import type { types } from "@slack/bolt"

/**
 * Block Kit builders that keep Slack's limits by construction (docs/slack-platform.md §5), so no
 * message can fail with `invalid_blocks`. Renderers build messages only through these.
 */
export type Block = types.KnownBlock
export type View = types.ModalView

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  modalTitle: 24,
  privateMetadata: 3000,
  optionText: 75,
  optionValue: 75,
  plainTextInput: 3000,
  fallbackText: 3000
} as const

/** A message as we send it: `text` is the notification/screen-reader fallback. */
export interface Message {
  readonly text: string
  readonly blocks: ReadonlyArray<Block>
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/** Cuts text to `max` characters, saying so with an ellipsis rather than failing. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`

export const section = (markdown: string): Block => ({
  type: "section",
  text: { type: "mrkdwn", text: clip(markdown, LIMITS.sectionText) }
})

export const sectionWithButton = (markdown: string, button: types.Button): Block => ({
  type: "section",
  text: { type: "mrkdwn", text: clip(markdown, LIMITS.sectionText) },
  accessory: button
})

export const header = (text: string): Block => ({
  type: "header",
  text: { type: "plain_text", text: clip(text, LIMITS.headerText), emoji: true }
})

export const context = (...markdown: ReadonlyArray<string>): Block => ({
  type: "context",
  elements: markdown
    .slice(0, LIMITS.contextElements)
    .map((text) => ({ type: "mrkdwn" as const, text: clip(text, LIMITS.sectionText) }))
})

export const divider = (): Block => ({ type: "divider" })

export const actions = (blockId: string, elements: ReadonlyArray<types.Button>): Block => ({
  type: "actions",
  block_id: blockId,
  elements: elements.slice(0, LIMITS.actionsElements)
})

export interface ButtonSpec {
  readonly actionId: string
  readonly text: string
  readonly value?: string
  readonly url?: string
  readonly style?: "primary" | "danger"
}

export const button = (spec: ButtonSpec): types.Button => ({
  type: "button",
  action_id: spec.actionId,
  text: { type: "plain_text", text: clip(spec.text, LIMITS.buttonText), emoji: true },
  ...(spec.value !== undefined ? { value: spec.value.slice(0, LIMITS.buttonValue) } : {}),
  ...(spec.url !== undefined ? { url: spec.url.slice(0, LIMITS.buttonUrl) } : {}),
  ...(spec.style !== undefined ? { style: spec.style } : {})
})

export const plainText = (text: string, max: number = LIMITS.sectionText): types.PlainTextElement => ({
  type: "plain_text",
  text: clip(text, max),
  emoji: true
})

/** Packs lines into as few sections as possible, each within the section text limit. */
export const linesToSections = (lines: ReadonlyArray<string>): Array<Block> => {
  const sections: Array<Block> = []
  let current = ""
  for (const line of lines) {
    const safe = clip(line, LIMITS.sectionText)
    if (current.length > 0 && current.length + 1 + safe.length > LIMITS.sectionText) {
      sections.push(section(current))
      current = ""
    }
    current = current.length === 0 ? safe : `${current}\n${safe}`
  }
  if (current.length > 0) sections.push(section(current))
  return sections
}

export const message = (text: string, blocks: ReadonlyArray<Block> = []): Message => ({
  text: clip(text, LIMITS.fallbackText),
  blocks: blocks.slice(0, LIMITS.blocksPerMessage)
})

/** A Slack date token: shown in each reader's own time zone, with a plain fallback. */
export const slackDate = (date: Date, format = "{date_short_pretty} at {time}"): string => {
  const seconds = Math.floor(date.getTime() / 1000)
  return Number.isFinite(seconds) ? `<!date^${seconds}^${format}|${date.toISOString()}>` : "at an unknown time"
}
