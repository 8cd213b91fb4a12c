import { expect } from "vitest"
import { actionName } from "../../src/blockKit/uniqueIds.js"
import { slackRefusal } from "./fakeSlack/blockKitRules.js"

type AnyRecord = Record<string, unknown>

/**
 * Slack's Block Kit limits (docs/slack-platform.md §5) checked on a message as the fake Slack
 * recorded it: what would otherwise come back as `invalid_blocks`. Every rule is the fake's own
 * (blockKitRules.ts); the checks below name the limits a reader of these tests looks for.
 */
export const expectWithinBlockKitLimits = (message: { text?: unknown; blocks?: unknown }, maxBlocks = 50): void => {
  expect(slackRefusal("message", message)).toBeUndefined()
  const blocks = (message.blocks ?? []) as Array<AnyRecord>
  expect(Array.isArray(blocks)).toBe(true)
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks)
  expect(typeof message.text === "string" && message.text.length > 0).toBe(true)
  for (const block of blocks) {
    const text = block.text as AnyRecord | undefined
    if (block.type === "section") {
      expect(typeof text?.text).toBe("string")
      expect((text!.text as string).length).toBeGreaterThan(0)
      expect((text!.text as string).length).toBeLessThanOrEqual(3000)
    }
    if (block.type === "header") expect((text!.text as string).length).toBeLessThanOrEqual(150)
    if (block.type === "context") {
      const elements = block.elements as Array<AnyRecord>
      expect(elements.length).toBeLessThanOrEqual(10)
      for (const e of elements) expect(String(e.text).length).toBeLessThanOrEqual(3000)
    }
    if (block.type === "actions") {
      const elements = block.elements as Array<AnyRecord>
      expect(elements.length).toBeLessThanOrEqual(25)
      for (const e of elements) {
        expect(String((e.text as AnyRecord).text).length).toBeLessThanOrEqual(75)
        if (e.value !== undefined) expect(String(e.value).length).toBeLessThanOrEqual(2000)
        expect(String(e.action_id).length).toBeLessThanOrEqual(255)
      }
    }
    if (typeof block.block_id === "string") expect(block.block_id.length).toBeLessThanOrEqual(255)
  }
}

/** What a person must never see: stack traces, raw JSON, placeholders leaking from code. */
export const expectNothingRaw = (text: string): void => {
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/)
  expect(text).not.toMatch(/\{\s*"/)
  expect(text).not.toContain("undefined")
  expect(text).not.toContain("[object Object]")
  expect(text).not.toContain("NaN")
}

/**
 * Buttons of a message, by action name: a button sharing its block with others of its kind carries a
 * suffix (`run_command#2`), kept in `actionId` so a click sends what Slack would.
 */
export const buttonsOf = (
  message: { blocks?: unknown },
  name: string
): Array<{ value: string; text: string; actionId: string }> =>
  ((message.blocks ?? []) as Array<AnyRecord>)
    .filter((b) => b.type === "actions" || (b.accessory as AnyRecord | undefined)?.type === "button")
    .flatMap((b) => (b.type === "actions" ? (b.elements as Array<AnyRecord>) : [b.accessory as AnyRecord]))
    .filter((e) => actionName(String(e.action_id)) === name)
    .map((e) => ({ value: String(e.value), text: String((e.text as AnyRecord).text), actionId: String(e.action_id) }))
