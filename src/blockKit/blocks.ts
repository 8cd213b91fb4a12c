import type { types } from "@slack/bolt"
import { LIMITS } from "./limits.js"
import { clip } from "./text.js"
import { uniqueActionIds, withUniqueIds } from "./uniqueIds.js"

/**
 * Message blocks that keep Slack's limits by construction, so no message can fail with
 * `invalid_blocks` or `msg_blocks_too_long`. Every mrkdwn text object is `verbatim`: Slack does not
 * auto-link URLs or channel names found in data; the links we mean are written explicitly.
 */
export type Block = types.KnownBlock
export type Button = types.Button
export type Overflow = types.Overflow

/** A message as we send it: `text` is the notification and screen-reader fallback. */
export interface Message {
  readonly text: string
  readonly blocks: ReadonlyArray<Block>
}

const mrkdwn = (text: string, max: number = LIMITS.sectionText) => ({
  type: "mrkdwn" as const,
  text: clip(text, max),
  verbatim: true
})

export const plainText = (text: string, max: number = LIMITS.sectionText): types.PlainTextElement => ({
  type: "plain_text",
  text: clip(text, max),
  emoji: true
})

export const section = (markdown: string, accessory?: Button | Overflow): Block => ({
  type: "section",
  text: mrkdwn(markdown),
  ...(accessory !== undefined ? { accessory } : {})
})

export const header = (text: string): Block => ({ type: "header", text: plainText(text, LIMITS.headerText) })

export const context = (...markdown: ReadonlyArray<string>): Block => ({
  type: "context",
  elements: markdown.slice(0, LIMITS.contextElements).map((text) => mrkdwn(text))
})

export const divider = (): Block => ({ type: "divider" })

export const actions = (blockId: string, elements: ReadonlyArray<types.ActionsBlockElement>): Block => ({
  type: "actions",
  block_id: clip(blockId, LIMITS.blockId),
  elements: uniqueActionIds(elements.slice(0, LIMITS.actionsElements))
})

export interface ButtonSpec {
  readonly actionId: string
  readonly text: string
  readonly value?: string
  readonly url?: string
  readonly style?: "primary" | "danger"
}

export const button = (spec: ButtonSpec): Button => ({
  type: "button",
  action_id: clip(spec.actionId, LIMITS.actionId),
  text: plainText(spec.text, LIMITS.buttonText),
  ...(spec.value !== undefined ? { value: spec.value.slice(0, LIMITS.buttonValue) } : {}),
  ...(spec.url !== undefined ? { url: spec.url.slice(0, LIMITS.buttonUrl) } : {}),
  ...(spec.style !== undefined ? { style: spec.style } : {})
})

export interface MenuItem {
  readonly text: string
  readonly value: string
}

/** An overflow menu ("⋯"): at most five items, each value within the option limit. */
export const overflow = (actionId: string, items: ReadonlyArray<MenuItem>): Overflow => ({
  type: "overflow",
  action_id: clip(actionId, LIMITS.actionId),
  options: items.slice(0, LIMITS.overflowOptions).map((item) => ({
    text: plainText(item.text, LIMITS.optionText),
    value: item.value.slice(0, LIMITS.optionValue)
  }))
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

/** The characters of text a block carries (what Slack counts against a message's size). */
export const blockTextLength = (block: Block): number => {
  let total = 0
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === "string") {
      if (key === "text") total += value.length
    } else if (Array.isArray(value)) for (const item of value) walk(item, key)
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k)
  }
  walk(block)
  return total
}

/**
 * A message within every limit: at most 50 blocks and 12,000 characters of block text. Blocks past
 * either limit are dropped from the end; renderers that page (events, deployments) size their pages
 * with `fitsInMessage` first so nothing they mean to show is dropped.
 */
export const message = (text: string, blocks: ReadonlyArray<Block> = []): Message => {
  const kept: Array<Block> = []
  let size = 0
  for (const block of blocks.slice(0, LIMITS.blocksPerMessage)) {
    size += blockTextLength(block)
    if (size > LIMITS.messageBlockText) break
    kept.push(block)
  }
  return { text: clip(text, LIMITS.fallbackText), blocks: withUniqueIds(kept) }
}

/** Whether these blocks fit in one message with `reserve` characters and blocks left for the rest. */
export const fitsInMessage = (blocks: ReadonlyArray<Block>, reserve = { blocks: 3, text: 1_000 }): boolean =>
  blocks.length <= LIMITS.blocksPerMessage - reserve.blocks &&
  blocks.reduce((sum, block) => sum + blockTextLength(block), 0) <= LIMITS.messageBlockText - reserve.text

/** A one-section message: the common shape of a short answer. */
export const say = (markdown: string, ...details: ReadonlyArray<string>): Message =>
  message(markdown, [section(markdown), ...(details.length > 0 ? [context(...details)] : [])])
