// Issue 16 (defect 9), through real HTTP to the real bot: a signed request replayed within the five
// minutes its signature is fresh is refused, and Slack's own retry of an event (new signature, same
// event_id, `x-slack-retry-num`) is acknowledged without being handled a second time. Both are decided
// by a claim in storage, so every replica on the database refuses them alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { formBody, slashCommandFields } from "../support/slackPayloads.js"
import { appHomeOpened, nowSeconds, postSigned, sendEvent } from "../support/slackRequests.js"
import { SIGNING_SECRET, startWorld, type World } from "../support/world.js"

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500))

describe("replayed signed requests", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(async () => {
    await world?.close()
  })

  it("a signed command sent again within five minutes runs once; the copy is refused", async () => {
    const responseUrl = world.slack.responseUrl()
    const id = responseUrl.split("/").pop()
    const body = formBody(
      slashCommandFields({ text: "whoami", userId: "U-REPLAY", channelId: "C-REPLAY", responseUrl })
    )
    const timestamp = nowSeconds()
    const first = await postSigned(world.bot.url, SIGNING_SECRET, body, { timestamp })
    expect(first.status).toBe(200)
    await world.slack.waitFor((r) => r.kind === "response" && r.id === id, { timeoutMs: 10_000 })
    const copy = await postSigned(world.bot.url, SIGNING_SECRET, body, { timestamp })
    expect(copy.status).toBe(401)
    await settle()
    expect(world.slack.responses.filter((r) => r.id === id)).toHaveLength(1)
  })

  it("Slack's retry of an event is acknowledged and not handled again", async () => {
    const event = appHomeOpened("U-HOMERETRY")
    const publishes = () =>
      world.slack.calls.filter((c) => c.method === "views.publish" && c.params.user_id === "U-HOMERETRY")
    expect((await sendEvent(world.bot.url, SIGNING_SECRET, event)).status).toBe(200)
    await world.slack.waitForCall("views.publish", (c) => c.params.user_id === "U-HOMERETRY", { timeoutMs: 10_000 })
    const retry = await sendEvent(world.bot.url, SIGNING_SECRET, event, {
      timestamp: nowSeconds() + 1,
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" }
    })
    expect(retry.status).toBe(200)
    await settle()
    expect(publishes()).toHaveLength(1)
  })

  it("a command sent anew (another timestamp) is not a replay and runs", async () => {
    const fields = { text: "whoami", userId: "U-AGAIN", channelId: "C-AGAIN" }
    for (const offset of [0, 1]) {
      const responseUrl = world.slack.responseUrl()
      const body = formBody(slashCommandFields({ ...fields, responseUrl }))
      const sent = await postSigned(world.bot.url, SIGNING_SECRET, body, { timestamp: nowSeconds() + offset })
      expect(sent.status).toBe(200)
      const id = responseUrl.split("/").pop()
      await world.slack.waitFor((r) => r.kind === "response" && r.id === id, { timeoutMs: 10_000 })
    }
  })
})
