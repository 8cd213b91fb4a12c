import { describe, expect, it } from "vitest"
import { baseEnv, repoRoot, spawnBot } from "../support/botProcess.js"
import { commandReply, linkAccounts, startWorld } from "../support/world.js"

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

  it("literally `npm start` (build included) with no settings exits non-zero naming the missing " +
    "variables", async () => {
    const { spawn } = await import("node:child_process")
    const { mkdtempSync } = await import("node:fs")
    const { tmpdir } = await import("node:os")
    const path = await import("node:path")
    const child = spawn("npm", ["start", "--prefix", repoRoot], {
      cwd: mkdtempSync(path.join(tmpdir(), "npm-start-")),
      // npm runs the script in the repository; empty values keep a developer's .env there from filling them in.
      env: { ...baseEnv(), SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    child.stdout.on("data", (d) => {
      output += d
    })
    child.stderr.on("data", (d) => {
      output += d
    })
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve))
    expect(code).not.toBe(0)
    expect(output).toContain("SLACK_BOT_TOKEN")
    expect(output).toContain("SLACK_SIGNING_SECRET")
  }, 120_000)

  it("the built bundle (what npm start runs) links an account, lists apps and posts events", async () => {
    const { execFileSync } = await import("node:child_process")
    execFileSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "ignore" })
    const world = await startWorld({ env: { BOT_BUILT: "1" } })
    try {
      await linkAccounts(world, { "U-BUILT": "alice" })
      expect((await commandReply(world, "apps", { userId: "U-BUILT" })).text).toContain("alice-secure")
      await world.command("events forty-seven-events", { userId: "U-BUILT" })
      await world.slack.waitForCall("chat.postMessage", (c) => c.params.thread_ts !== undefined, { timeoutMs: 20_000 })
      expect(await world.bot.stop("SIGTERM")).toBe(0)
    } finally {
      await world.close()
    }
  }, 90_000)

  it("invalid settings are named with what a valid value looks like", async () => {
    const bot = spawnBot({
      ...baseEnv(),
      SLACK_BOT_TOKEN: "nope",
      SLACK_SIGNING_SECRET: "s",
      PORT: "99999",
      SCALINGO_REQUESTS_PER_MINUTE: "500",
      LOG_LEVEL: "loud"
    })
    expect(await bot.exited).not.toBe(0)
    const output = bot.output.join("\n")
    for (const variable of ["SLACK_BOT_TOKEN", "PORT", "SCALINGO_REQUESTS_PER_MINUTE", "LOG_LEVEL"])
      expect(output).toContain(variable)
    expect(output).toContain("xoxb-")
  })

  it("production without TOKEN_ENCRYPTION_KEY refuses to start", async () => {
    const bot = spawnBot({ ...baseEnv(), NODE_ENV: "production", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })
    expect(await bot.exited).not.toBe(0)
    expect(bot.output.join("\n")).toContain("TOKEN_ENCRYPTION_KEY")
  })

  it("SIGTERM lets in-flight work finish before exiting 0", async () => {
    const world = await startWorld()
    try {
      await linkAccounts(world, { "U-TERM": "alice" })
      world.sim.faults.add({ path: "/v1/apps/alice-web/events", latencyMs: 2_000 })
      const ack = await world.command("events alice-web", { userId: "U-TERM" })
      expect(ack.status).toBe(200)
      const code = await world.bot.stop("SIGTERM")
      expect(code).toBe(0)
      // The page was still fetched and posted in its thread after the signal.
      expect(world.slack.calls.some((c) => c.method === "chat.postMessage" && c.params.thread_ts !== undefined)).toBe(
        true
      )
      // And no new work is accepted once stopped.
      await expect(fetch(`${world.bot.url}/healthz`)).rejects.toThrow()
    } finally {
      await world.close()
    }
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
