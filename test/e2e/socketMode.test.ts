import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SUBCOMMANDS } from "../../src/commands/catalogue.js"
import { slashCommandFields } from "../support/slackPayloads.js"
import { readable, startWorld, type World } from "../support/world.js"

/** With SLACK_APP_TOKEN set the bot connects out over Socket Mode (no public URL) and still serves /healthz. */
describe("Socket Mode", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({
      env: { SLACK_APP_TOKEN: "xapp-1-A0001-0000-socketmodetoken", SLACK_SIGNING_SECRET: "" }
    })
  })
  afterAll(async () => {
    await world?.close()
  })

  it("connects with the app token and answers a slash command sent as an envelope", async () => {
    const connect = world.slack.calls.find((c) => c.method === "apps.connections.open")
    expect(connect).toBeDefined()
    const responseUrl = world.slack.responseUrl()
    const ack = await world.slack.sendEnvelope("slash_commands", slashCommandFields({ text: "help", responseUrl }), {
      timeoutMs: 10_000
    })
    expect(ack.envelope_id).toBeTruthy()
    const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop())
    const text = readable((reply as { body: unknown }).body)
    for (const sub of SUBCOMMANDS) expect(text).toContain(sub.example)
  })

  it("serves /healthz on PORT", async () => {
    const response = await fetch(`${world.bot.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, mode: "socket" })
  })
})
