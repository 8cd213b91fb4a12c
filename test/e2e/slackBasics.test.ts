import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SUBCOMMANDS } from "../../src/commands/catalogue.js"
import { nowSeconds, sendSlashCommand } from "../support/slackRequests.js"
import { commandReply, linkAccounts, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

describe("requests from Slack", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(async () => {
    await world?.close()
  })

  const nothingHandled = async (since: number) => {
    await new Promise((r) => setTimeout(r, 300))
    expect(world.slack.responses.filter((r) => r.at >= since)).toEqual([])
    expect(world.slack.calls.filter((c) => c.at >= since)).toEqual([])
    expect(world.sim.requests.filter((r) => r.at >= since)).toEqual([])
  }

  it("a forged signature gets 401 and reaches no handler", async () => {
    const since = Date.now()
    const reply = await sendSlashCommand(world.bot.url, "not-the-secret", {
      text: "apps",
      responseUrl: world.slack.responseUrl()
    })
    expect(reply.status).toBe(401)
    const tampered = await sendSlashCommand(world.bot.url, SIGNING_SECRET, {
      text: "help",
      signature: `v0=${"0".repeat(64)}`,
      responseUrl: world.slack.responseUrl()
    })
    expect(tampered.status).toBe(401)
    await nothingHandled(since)
  })

  it("a timestamp older than 5 minutes gets 401 and reaches no handler", async () => {
    const since = Date.now()
    const reply = await sendSlashCommand(world.bot.url, SIGNING_SECRET, {
      text: "help",
      timestamp: nowSeconds() - 301,
      responseUrl: world.slack.responseUrl()
    })
    expect(reply.status).toBe(401)
    await nothingHandled(since)
  })

  it.each([["help"], [""], ["frobnicate"], ["   "]])("`%s` lists every subcommand with an example", async (text) => {
    const { ack, text: answer } = await commandReply(world, text)
    expect(ack.status).toBe(200)
    for (const sub of SUBCOMMANDS) expect(answer).toContain(`/scalingo ${sub.example}`)
    if (text === "frobnicate") expect(answer).toContain("I don't know `frobnicate`")
  })

  it("polish 6: a mistyped command or app gets “did you mean” through real Slack requests", async () => {
    await linkAccounts(world, { "U-TYPO": "alice" })
    const command = await commandReply(world, "restat alice-web", { userId: "U-TYPO" })
    expect(command.text).toContain("Did you mean `/scalingo restart`")
    expect(command.text).not.toContain("/scalingo subscriptions")
    const since = Date.now()
    const app = await commandReply(world, "restart alice-wbe web", { userId: "U-TYPO" })
    expect(app.text).toContain("Did you mean `alice-web`?")
    expect(world.sim.requests.filter((r) => r.at >= since && r.method !== "GET")).toEqual([])
  })

  it("GET /healthz answers 200 with a small JSON body while storage answers", async () => {
    const response = await fetch(`${world.bot.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, storage: "ok" })
  })
})
