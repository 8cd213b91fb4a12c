import { describe, expect, it } from "vitest"
import { baseEnv, spawnBot } from "../support/botProcess.js"
import { startWorld } from "../support/world.js"

describe("the bot process", () => {
  it("npm start with no settings exits non-zero naming the missing variables, without a stack trace", async () => {
    const bot = spawnBot({ ...baseEnv(), PORT: "0" })
    const code = await bot.exited
    const output = bot.output.join("\n")
    expect(code).not.toBe(0)
    expect(output).toContain("SLACK_BOT_TOKEN")
    expect(output).toContain("SLACK_SIGNING_SECRET")
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/) // no stack frames
  })

  it("invalid settings are named with what a valid value looks like", async () => {
    const bot = spawnBot({ ...baseEnv(), SLACK_BOT_TOKEN: "nope", SLACK_SIGNING_SECRET: "s", PORT: "99999", SCALINGO_REQUESTS_PER_MINUTE: "500", LOG_LEVEL: "loud" })
    expect(await bot.exited).not.toBe(0)
    const output = bot.output.join("\n")
    for (const variable of ["SLACK_BOT_TOKEN", "PORT", "SCALINGO_REQUESTS_PER_MINUTE", "LOG_LEVEL"]) expect(output).toContain(variable)
    expect(output).toContain("xoxb-")
  })

  it("production without TOKEN_ENCRYPTION_KEY refuses to start", async () => {
    const bot = spawnBot({ ...baseEnv(), NODE_ENV: "production", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })
    expect(await bot.exited).not.toBe(0)
    expect(bot.output.join("\n")).toContain("TOKEN_ENCRYPTION_KEY")
  })

  it("SIGTERM stops it cleanly with exit code 0", async () => {
    const world = await startWorld()
    try {
      const code = await world.bot.stop("SIGTERM")
      expect(code).toBe(0)
      expect(world.bot.output.join("\n")).toContain("Shutting down")
    } finally {
      await world.close()
    }
  })
})
