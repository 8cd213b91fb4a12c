import { describe, expect, it } from "vitest"
import { actions, button, message, section } from "../../src/blockKit/blocks.js"
import { actionName } from "../../src/blockKit/uniqueIds.js"
import { home, modal } from "../../src/blockKit/views.js"
import { slackRefusal } from "../support/fakeSlack.js"

const run = (text: string) => button({ actionId: "run_command", text, value: text })

/** Issue 16, defect 0: several buttons of one kind in one block, and blocks sharing an id, are never sent. */
describe("ids Slack needs unique, unique by construction", () => {
  it("buttons of one kind in one block keep their name and get their position as a suffix", () => {
    const block = actions("quick", [run("Info"), run("Logs"), button({ actionId: "other", text: "x" }), run("Unstar")])
    const ids = (block as { elements: Array<{ action_id: string }> }).elements.map((e) => e.action_id)
    expect(ids).toEqual(["run_command", "run_command#1", "other", "run_command#3"])
    expect(ids.map(actionName)).toEqual(["run_command", "run_command", "other", "run_command"])
    expect(slackRefusal("message", message("t", [block]))).toBeUndefined()
  })

  it("a long action id stays within 255 characters with its suffix", () => {
    const long = "a".repeat(255)
    const block = actions("b", [button({ actionId: long, text: "1" }), button({ actionId: long, text: "2" })])
    const second = (block as { elements: Array<{ action_id: string }> }).elements[1]!.action_id
    expect(second.length).toBeLessThanOrEqual(255)
    expect(second.endsWith("#1")).toBe(true)
  })

  it("blocks sharing a block_id in a message, a modal or a Home tab get distinct ones", () => {
    const blocks = [actions("pages", [run("a")]), section("between"), actions("pages", [run("b")])]
    const blockIds = (list: ReadonlyArray<unknown>) => list.map((b) => (b as { block_id?: string }).block_id)
    expect(blockIds(message("t", blocks).blocks)).toEqual(["pages", undefined, "pages#2"])
    expect(slackRefusal("message", message("t", blocks))).toBeUndefined()
    expect(slackRefusal("view", modal({ callbackId: "c", title: "T", blocks }))).toBeUndefined()
    expect(slackRefusal("view", home(blocks))).toBeUndefined()
  })

  it("an id without a suffix is its own name", () => {
    expect(actionName("events_page")).toBe("events_page")
    expect(actionName("events_page#1")).toBe("events_page")
  })
})
