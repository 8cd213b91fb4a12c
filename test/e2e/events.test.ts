import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { printableType } from "../../src/views/events/describeEvent.js"
import { EVENT_TYPES } from "../../src/scalingo/schemas/events/index.js"
import { buttonsOf, expectNothingRaw, expectWithinBlockKitLimits } from "../support/blockKit.js"
import type { FakeSlackCall } from "../support/fakeSlack.js"
import { commandReply, linkAccounts, readable, startWorld, type World } from "../support/world.js"

/** `events [app]` end to end: a parent in the channel, pages in its thread, buttons any replica can serve. */
describe("/scalingo events", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob" })
  })
  afterAll(async () => {
    await world?.close()
  })

  /** Runs `events …` and returns the parent message and the first threaded page. */
  const start = async (text: string, userId = "U-ALICE") => {
    const since = world.slack.calls.length
    await world.command(text, { userId })
    const parent = await world.slack.waitForCall(
      "chat.postMessage",
      (c) => world.slack.calls.indexOf(c) >= since && c.params.thread_ts === undefined,
      { timeoutMs: 20_000 }
    )
    const page = await world.slack.waitForCall(
      "chat.postMessage",
      (c) => world.slack.calls.indexOf(c) >= since && c.params.thread_ts !== undefined,
      { timeoutMs: 20_000 }
    )
    return { parent, page }
  }

  /** Clicks the Next button of a page and returns the page it posts. */
  const clickNext = async (page: FakeSlackCall, userId = "U-ALICE") => {
    const next = buttonsOf(page.params as never, "events_page").find((b) => b.text.startsWith("Next"))!
    const since = world.slack.calls.length
    const clicked = await world.click({
      actionId: "events_page",
      value: next.value,
      userId,
      messageTs: "1700000001.000001",
      threadTs: String(page.params.thread_ts)
    })
    expect(clicked.status).toBe(200)
    return world.slack.waitForCall("chat.postMessage", (c) => world.slack.calls.indexOf(c) >= since, {
      timeoutMs: 20_000
    })
  }

  const eventCount = (page: FakeSlackCall) =>
    (page.params.blocks as Array<{ type: string }>).filter((b) => b.type === "section").length

  it(
    "the first page arrives threaded under the parent; next pages follow in the same thread " + "until the last",
    async () => {
      const { parent, page } = await start("events forty-seven-events")
      expect(parent.params.channel).toBe("C0001")
      expect(readable(parent.params)).toContain("Events of forty-seven-events")
      expect(readable(parent.params)).toContain("<@U-ALICE>")
      const parentTs = page.params.thread_ts
      expect(typeof parentTs).toBe("string")
      const pages = [page]
      while (buttonsOf(pages.at(-1)!.params as never, "events_page").some((b) => b.text.startsWith("Next"))) {
        pages.push(await clickNext(pages.at(-1)!))
        expect(pages.length).toBeLessThan(10)
      }
      expect(pages.map(eventCount)).toEqual([20, 20, 7])
      for (const p of pages) {
        expect(p.params.thread_ts).toBe(parentTs)
        expect(p.params.channel).toBe("C0001")
        expectWithinBlockKitLimits(p.params as never)
      }
      expect(buttonsOf(pages[2]!.params as never, "events_page").map((b) => b.text)).toEqual(["◀ Previous page"])
      // one request per page
      expect(world.sim.requests.filter((r) => r.path === "/v1/apps/forty-seven-events/events")).toHaveLength(3)
    }
  )

  it(
    "all 96 event types render with their own sentence, never undefined/[object Object]/NaN, " +
      "and no variable value appears",
    async () => {
      const { page } = await start("events all-event-types")
      const pages = [page]
      while (buttonsOf(pages.at(-1)!.params as never, "events_page").some((b) => b.text.startsWith("Next")))
        pages.push(await clickNext(pages.at(-1)!))
      const text = pages.map((p) => readable(p.params)).join("\n")
      for (const type of EVENT_TYPES) expect(text, type).toContain(`*${printableType(type)}*`)
      expectNothingRaw(text)
      expect(text).not.toContain("SECRET-VALUE")
      for (const p of pages) expectWithinBlockKitLimits(p.params as never)
    }
  )

  it("`events` alone lists the person's account-wide events the same way", async () => {
    const { parent, page } = await start("events", "U-BOB")
    expect(readable(parent.params)).toContain("Account events")
    expect(eventCount(page)).toBe(20)
  })

  it("a click is served with the clicker's own account: someone without access is told so privately", async () => {
    const { page } = await start("events forty-seven-events")
    const next = buttonsOf(page.params as never, "events_page").find((b) => b.text.startsWith("Next"))!
    const responseUrl = world.slack.responseUrl()
    const posts = world.slack.calls.filter((c) => c.method === "chat.postMessage").length
    await world.click({ actionId: "events_page", value: next.value, userId: "U-BOB", responseUrl })
    const told = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
      timeoutMs: 20_000
    })
    expect(readable((told as { body: unknown }).body)).toContain("cannot see")
    expect((told as { body: { response_type: string } }).body.response_type).toBe("ephemeral")
    expect(world.slack.calls.filter((c) => c.method === "chat.postMessage").length).toBe(posts)
  })

  it("an app that does not exist gets a sentence, and a malformed name never reaches Scalingo", async () => {
    expect((await commandReply(world, "events no-such-app-here", { userId: "U-ALICE" })).text).toContain(
      "does not exist"
    )
    const since = Date.now()
    const { text } = await commandReply(world, "events ../../v1/users", { userId: "U-ALICE" })
    expect(text).toContain("is not an app name")
    expect(world.sim.requests.filter((r) => r.at >= since)).toEqual([])
  })
})
