// Issue 8, item 9: Bolt's own chatter goes to debug, real problems stay warnings, and nothing Bolt (or
// its Socket Mode client) logs carries a token, even at LOG_LEVEL=debug. Through the real bot process.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { logEntries } from "../support/faultChecks.js"
import { slashCommandFields } from "../support/slackPayloads.js"
import { postSigned } from "../support/slackRequests.js"
import { BOT_TOKEN, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

const APP_TOKEN = "xapp-1-A0001-0000-socketmodetoken"

/** The bot's log entries that mention `needle`, each with its level word (INFO, DEBUG, WARN…). */
const entriesWith = (world: World, needle: string) =>
  logEntries(world.bot.output).filter((entry) => entry.includes(needle))
const levelOf = (entry: string) => /\b(DEBUG|INFO|WARN|ERROR)\b/.exec(entry)?.[1]

describe("Bolt's chatter in the bot's log", () => {
  describe.each([
    ["info", false],
    ["debug", true]
  ] as const)("at LOG_LEVEL=%s, over HTTP", (level, shown) => {
    let world: World
    beforeAll(async () => {
      world = await startWorld({ env: { LOG_LEVEL: level } })
    })
    afterAll(async () => {
      await world?.close()
    })

    it(`a GET to a path nobody serves is routine: ${shown ? "logged at debug" : "not logged"}`, async () => {
      expect((await fetch(`${world.bot.url}/favicon.ico`)).status).toBe(404)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const lines = entriesWith(world, "favicon.ico")
      expect(lines.map(levelOf)).toEqual(shown ? ["DEBUG"] : [])
    })

    it("a signed body Bolt cannot read is a real problem: still a warning", async () => {
      const reply = await postSigned(world.bot.url, SIGNING_SECRET, "payload=%7Bnot-json")
      expect(reply.status).toBe(400)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(entriesWith(world, "Malformed request body").map(levelOf)).toEqual(["WARN"])
    })
  })

  describe("at LOG_LEVEL=debug, over Socket Mode", () => {
    let world: World
    beforeAll(async () => {
      world = await startWorld({ env: { LOG_LEVEL: "debug", SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: "" } })
    })
    afterAll(async () => {
      await world?.close()
    })

    it("a login with a token typed in the command leaves no token, ticket or payload in the log", async () => {
      const apiToken = world.sim.accounts.alice!.apiToken
      const responseUrl = world.slack.responseUrl()
      await world.slack.sendEnvelope("slash_commands", slashCommandFields({ text: `login ${apiToken}`, responseUrl }), {
        timeoutMs: 10_000
      })
      await world.slack.waitFor((r) => r.kind === "response" && responseUrl.endsWith(`/${r.id}`), { timeoutMs: 10_000 })
      await new Promise((resolve) => setTimeout(resolve, 300))
      const log = world.bot.output.join("\n")
      expect(entriesWith(world, "Received a message on the WebSocket").length).toBeGreaterThan(0)
      for (const secret of [apiToken, APP_TOKEN, BOT_TOKEN, "ticket=t", responseUrl]) expect(log).not.toContain(secret)
      expect(log).not.toMatch(/\b(xox[a-z]|xapp)-[A-Za-z0-9]/)
    })
  })
})
