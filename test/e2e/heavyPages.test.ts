import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf } from "../support/blockKit.js"
import { linkAccounts, readable, startWorld, type World } from "../support/world.js"

/** 20 events whose sentences are as long as Scalingo's data can make them. */
const heavyEvents = Array.from({ length: 20 }, (_, i) => ({
  id: `ev-heavy-${i}`,
  created_at: new Date(Date.now() - i * 60_000).toISOString(),
  type: "edit_variables",
  app_name: "alice-web",
  user: { username: "alice", email: "alice@example.com", id: "us-1" },
  type_data: { new_vars: Array.from({ length: 8 }, (_, j) => ({ name: `VARIABLE_${i}_${j}_${"X".repeat(100)}` })) }
}))

/**
 * Defect 7 through the real bot and a fake Slack that refuses oversize messages as Slack does
 * (`msg_blocks_too_long`): a heavy page is posted (fewer events on it), and Next shows the rest.
 */
describe("defect 7: pages larger than Slack accepts", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
    await linkAccounts(world, { "U-ALICE": "alice" })
  })
  afterAll(async () => {
    await world?.close()
  })

  it("a page of heavy events is posted in its thread, and Next resumes with the events left out", async () => {
    world.sim.faults.add({
      path: "/v1/apps/alice-web/events",
      status: 200,
      body: JSON.stringify({
        events: heavyEvents,
        meta: { pagination: { current_page: 1, total_pages: 1, total_count: 20, prev_page: null, next_page: null } }
      })
    })
    const since = world.slack.calls.length
    await world.command("events alice-web", { userId: "U-ALICE" })
    const page = await world.slack.waitForCall(
      "chat.postMessage",
      (c) => world.slack.calls.indexOf(c) >= since && c.params.thread_ts !== undefined,
      { timeoutMs: 20_000 }
    )
    // The fake refuses what Slack refuses: a page it records within Slack's size was accepted.
    expect(JSON.stringify(page.params.blocks).length).toBeLessThan(40_000)
    expect(world.slack.responses.map((r) => readable(r.body)).join("\n")).not.toContain("Sorry, something went wrong")
    const shown = (page.params.blocks as Array<{ type: string }>).filter((b) => b.type === "section").length
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(20)
    const next = buttonsOf(page.params as never, "events_page").find((b) => b.text.startsWith("Next"))!
    const clickedAt = world.slack.calls.length
    await world.click({
      actionId: "events_page",
      value: next.value,
      userId: "U-ALICE",
      threadTs: String(page.params.thread_ts)
    })
    const second = await world.slack.waitForCall(
      "chat.postMessage",
      (c) => world.slack.calls.indexOf(c) >= clickedAt && c.params.thread_ts === page.params.thread_ts,
      { timeoutMs: 20_000 }
    )
    expect(readable(second.params)).toContain(`VARIABLE_${shown}_0`)
    world.sim.faults.clear()
  })
})
