import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { BOT_TOKEN, readable, startWorld, type World } from "../support/world.js"

/** The bot answers only the workspaces it is installed in; today that is SLACK_BOT_TOKEN's team (T0001). */
describe("installations", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  it("a request from a team without an installation is acknowledged, does no work and posts nothing", async () => {
    const slackCalls = world.slack.calls.length
    const scalingoRequests = world.sim.requests.length
    const responseUrl = world.slack.responseUrl()
    for (let i = 0; i < 2; i++) {
      const reply = await world.command("apps", { teamId: "T-STRANGER", userId: "U-STRANGER", responseUrl })
      expect(reply.status).toBe(200)
      expect(reply.text).toBe("")
    }
    const clicked = await world.click({ actionId: "confirm_change", value: "x", teamId: "T-STRANGER", responseUrl })
    expect(clicked.status).toBe(200)
    // Give any stray work the time it would take to show.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(world.slack.calls.slice(slackCalls).map((c) => c.method)).toEqual([])
    expect(world.slack.responses.filter((r) => responseUrl.endsWith(r.id))).toEqual([])
    expect(world.sim.requests.length).toBe(scalingoRequests)
    // Said once for the team, without the token.
    const refusals = world.bot.output.filter((line) => line.includes("Refused a request from Slack team T-STRANGER"))
    expect(refusals).toHaveLength(1)
    expect(world.bot.output.join("\n")).not.toContain(BOT_TOKEN)
  })

  it("the installed team (seeded from SLACK_BOT_TOKEN at start) is answered as before", async () => {
    const responseUrl = world.slack.responseUrl()
    await world.command("help", { responseUrl })
    const reply = await world.slack.waitFor((r) => r.kind === "response" && responseUrl.endsWith(r.id))
    expect(readable((reply as { body: unknown }).body)).toContain("help")
  })
})
