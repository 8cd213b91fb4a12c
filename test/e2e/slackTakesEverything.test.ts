import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf } from "../support/blockKit.js"
import { type FakeSlackCall, slackRefusal } from "../support/fakeSlack.js"
import { appHomeOpened, sendEvent } from "../support/slackRequests.js"
import { commandReply, linkAccounts, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

/**
 * Issue 16, defect 0: surfaces a checker found real Slack refusing (one action_id shared by several
 * buttons of one block). Each is shown to the person, which the strict fake only does when Slack would.
 */
describe("what real Slack refused is now taken (end to end)", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({ simulator: { requestsPerMinute: 1_000 } })
    await linkAccounts(world, { "U-ALICE": "alice" })
  })
  afterAll(async () => {
    await world?.close()
  })

  /** Clicks the Next button of a page, with the action_id Slack would send, and answers the page posted. */
  const clickNext = async (page: FakeSlackCall, pageAction: string): Promise<FakeSlackCall> => {
    const next = buttonsOf(page.params as never, pageAction).find((b) => b.text.startsWith("Next"))!
    const mark = world.slack.calls.length
    const threadTs = String(page.params.thread_ts)
    await world.click({ actionId: next.actionId, value: next.value, userId: "U-ALICE", threadTs })
    return world.slack.waitForCall("chat.postMessage", (c) => world.slack.calls.indexOf(c) >= mark, {
      timeoutMs: 20_000
    })
  }

  /** Runs a paged listing, clicks Next on its first page and answers the second page as posted. */
  const secondPage = async (text: string, pageAction: string): Promise<FakeSlackCall> => {
    const since = world.slack.calls.length
    await world.command(text, { userId: "U-ALICE" })
    const threaded = (c: FakeSlackCall) => world.slack.calls.indexOf(c) >= since && c.params.thread_ts !== undefined
    return clickNext(await world.slack.waitForCall("chat.postMessage", threaded, { timeoutMs: 20_000 }), pageAction)
  }

  /** Slack took the message: nothing to refuse, and it is there for people to read. */
  const expectShown = (call: FakeSlackCall) => {
    expect(slackRefusal("message", call.params)).toBeUndefined()
    const shown = [...world.slack.messages.values()].filter((m) => m.threadTs === call.params.thread_ts)
    expect(shown.some((m) => m.text === call.params.text)).toBe(true)
  }

  it("the info card, whose command buttons once shared one action_id", async () => {
    const { body } = await commandReply(world, "info alice-web", { userId: "U-ALICE" })
    expect(slackRefusal("message", body)).toBeUndefined()
    expect(buttonsOf(body as never, "run_command").length).toBeGreaterThan(1)
  })

  it("a middle events page, with both Previous and Next", async () => {
    const page = await secondPage("events forty-seven-events", "events_page")
    expect(buttonsOf(page.params as never, "events_page").map((b) => b.text)).toHaveLength(2)
    expectShown(page)
    // Its Next button carries the suffix that keeps it unique; the click is routed all the same.
    const last = await clickNext(page, "events_page")
    expect(String(last.params.text)).toContain("Page 3")
    expectShown(last)
  })

  it("a middle deployments page, with both Previous and Next", async () => {
    const page = await secondPage("deployments alice-web", "deployments_page")
    expect(buttonsOf(page.params as never, "deployments_page").map((b) => b.text)).toHaveLength(2)
    expectShown(page)
  })

  it("the App Home with starred apps, each with its quick actions", async () => {
    for (const app of ["alice-web", "alice-worker"])
      await world.click({ actionId: "run_command", value: `star ${app}`, userId: "U-ALICE", channelId: "C-OPS" })
    await world.slack.waitFor(() => world.slack.calls.filter((c) => c.method === "views.publish").length >= 2, {
      timeoutMs: 10_000
    })
    const mark = world.slack.calls.length
    await sendEvent(world.bot.url, SIGNING_SECRET, appHomeOpened("U-ALICE"))
    const call = await world.slack.waitForCall("views.publish", (c) => world.slack.calls.indexOf(c) >= mark, {
      timeoutMs: 10_000
    })
    expect(slackRefusal("view", call.params.view)).toBeUndefined()
    expect(JSON.stringify(world.slack.homeViews.get("U-ALICE"))).toContain("unstar alice-worker")
  })
})
