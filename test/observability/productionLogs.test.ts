import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { commandReply, linkAccounts, startWorld, type World } from "../support/world.js"

/**
 * What a log drain receives in production: the real bot (`NODE_ENV=production`), a few commands,
 * and every stdout line read back as JSON.
 */

type Line = Record<string, unknown>

const jsonLines = (output: ReadonlyArray<string>): Array<Line> =>
  output.map((text) => {
    try {
      return JSON.parse(text) as Line
    } catch {
      throw new Error(`a production log line is not JSON: ${text}`)
    }
  })

const waitForLine = async (world: World, from: number, test: (line: Line) => boolean): Promise<Line> => {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const found = jsonLines(world.bot.output.slice(from)).find(test)
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`no such log line; the bot printed:\n${world.bot.output.slice(from).join("\n")}`)
}

describe("production logs (NODE_ENV=production)", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({ env: { NODE_ENV: "production", LOG_LEVEL: "debug" } })
    await linkAccounts(world, { "U-ALICE": "alice" })
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  it("puts a command's annotations at the top level of its line", async () => {
    const from = world.bot.output.length
    const { text } = await commandReply(world, "apps", { userId: "U-ALICE" })
    expect(text).toContain("alice-web")
    const handled = await waitForLine(world, from, (l) => l.message === "command handled" && l.subcommand === "apps")
    expect(handled).toMatchObject({ level: "info", slack_user: "U-ALICE", subcommand: "apps" })
    expect(handled.slack_team).toMatch(/^T/)
    // The router's annotations (issue 8, item 9): at least one GET /v1/apps per region for alice's two.
    expect(handled).toMatchObject({ outcome: "ok", duration_ms: expect.any(Number) })
    expect(handled.scalingo_requests).toBeGreaterThanOrEqual(2)
  })

  it("renders a failure's cause as a short phrase (tag and message) beside its reference, never a stack", async () => {
    const from = world.bot.output.length
    world.slack.fail("views.open", { error: "internal_error", times: 1 })
    await world.command("login", { userId: "U-ALICE" })
    const failed = await waitForLine(world, from, (l) => l.message === "unexpected failure")
    expect(failed).toMatchObject({
      level: "error",
      slack_user: "U-ALICE",
      cause: "ReplyFailed: Slack views.open failed: internal_error"
    })
    expect(failed.reference).toMatch(/^[0-9a-f]{8}$/)
    for (const line of jsonLines(world.bot.output.slice(from))) {
      expect(JSON.stringify(line)).not.toMatch(/\bat .+:\d+:\d+/)
    }
  })

  it("never prints the Scalingo API token a person logs in with, nor the bot token", async () => {
    const from = world.bot.output.length
    const token = world.sim.accounts.bob!.apiToken
    await commandReply(world, `login ${token}`, { userId: "U-BOB" })
    await waitForLine(world, from, (l) => l.message === "command handled" && l.slack_user === "U-BOB")
    expect(world.bot.output.join("\n")).not.toContain(token)
    expect(world.bot.output.join("\n")).not.toContain("xoxb-")
  })

  it("printed only flat JSON lines: message a string, level, timestamp, no fiber ids or empty spans", () => {
    const lines = jsonLines(world.bot.output)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      expect(typeof line.message, JSON.stringify(line)).toBe("string")
      expect(["debug", "info", "warn", "error", "fatal"]).toContain(line.level)
      expect(new Date(String(line.timestamp)).toISOString()).toBe(line.timestamp)
      expect(line).not.toHaveProperty("fiberId")
      expect(line).not.toHaveProperty("annotations")
      expect(line).not.toHaveProperty("logLevel")
      if ("spans" in line) expect(Object.keys(line.spans as object).length).toBeGreaterThan(0)
      for (const value of Object.values(line)) expect(JSON.stringify(value)).not.toMatch(/#\d+ \(/) // fiber ids
    }
  })
})
