// Issue 9, defect 2, through the real bot process and the fake Slack: one busy channel answering 429 on
// chat.postMessage must not hold up anyone else's Slack traffic, least of all a modal, whose trigger_id
// lives 3 seconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Asker, privateOrThreaded, privateReply, viewWhere } from "../support/faultChecks.js"
import { startWorld, type World } from "../support/world.js"

/** Slack's own rule: a trigger_id can open a modal for 3 seconds after the interaction. */
const TRIGGER_LIFE_MS = 3_000

describe("defect 2: one Slack 429 freezes Slack for everyone", () => {
  let world: World
  const busy: Asker = { userId: "UBUSY", channelId: "CBUSY" }
  const calm: Asker = { userId: "UCALM", channelId: "CCALM" }
  beforeAll(async () => {
    world = await startWorld()
    const token = world.sim.accounts.alice!.apiToken
    for (const who of [busy, calm]) expect(await privateReply(world, `login ${token}`, who)).toContain("alice")
  })
  afterAll(async () => {
    await world?.close()
  })

  /** Runs `events` in the person's channel and resolves with where its first page was shown. */
  const events = (who: Asker) => {
    const responseUrl = world.slack.responseUrl()
    const mark = world.slack.calls.length
    const shown = privateOrThreaded(world, who, responseUrl, mark, 20_000)
    void world.command("events forty-seven-events", { ...who, responseUrl })
    return shown
  }

  it("a channel answering 429 with a long Retry-After: another person's modal opens while its trigger lives, and other channels still get their posts", async () => {
    world.slack.fail("chat.postMessage", { status: 429, retryAfterSeconds: 30, channel: busy.channelId })
    const busyShown = events(busy)
    const limited = await world.slack.waitForCall("chat.postMessage", (c) => c.params.channel === busy.channelId)
    // The 429 is answered right after it is recorded; give it a moment to reach the bot.
    await new Promise((resolve) => setTimeout(resolve, 200))

    const responseUrl = world.slack.responseUrl()
    const sentAt = Date.now()
    await world.command("login", { userId: "UMODAL", channelId: "CMODAL", responseUrl })
    await viewWhere(world, (v) => v.callback_id === "login" && String(v.private_metadata).includes(responseUrl))
    const open = world.slack.calls.find((c) => c.method === "views.open" && c.at >= sentAt)!
    expect(open.at - sentAt).toBeLessThan(TRIGGER_LIFE_MS)

    const calmShown = await events(calm)
    expect(calmShown.where).toBe("thread")
    // The busy person is told privately, long before Slack's 30 s are over, and the bot did not knock again.
    const told = await busyShown
    expect(told.where).toBe("private")
    expect(told.text).toContain("forty-seven-events")
    expect(
      world.slack.calls.filter((c) => c.method === "chat.postMessage" && c.params.channel === busy.channelId)
    ).toEqual([limited])
  }, 45_000)

  it("a views.open whose Retry-After would outlive the trigger fails at once, with an apology, and is not sent again", async () => {
    world.slack.fail("views.open", { status: 429, retryAfterSeconds: 10, times: 1 })
    const before = world.slack.calls.filter((c) => c.method === "views.open").length
    const responseUrl = world.slack.responseUrl()
    await world.command("login", { userId: "ULATE", channelId: "CLATE", responseUrl })
    const apology = await world.slack.waitFor((r) => r.kind === "response" && responseUrl.endsWith(`/${r.id}`), {
      timeoutMs: 9_000
    })
    expect(apology).toBeDefined()
    expect(world.slack.calls.filter((c) => c.method === "views.open").length - before).toBe(1)
  }, 30_000)
})
