import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf } from "../support/blockKit.js"
import type { BotProcess } from "../support/botProcess.js"
import { sendBlockAction, sendSlashCommand } from "../support/slackRequests.js"
import { linkAccounts, readable, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

/**
 * The audit trail through the real bot (JSON logs, as in production): every change recorded with its
 * outcome, a lost answer and a SIGKILL mid-change left `unknown`, admins' and others' views, retention.
 */
describe("the audit trail (end to end)", () => {
  let world: World
  let bot: BotProcess
  beforeAll(async () => {
    world = await startWorld({
      simulator: { operationDurationMs: 200, requestsPerMinute: 1_000 },
      env: { NODE_ENV: "production" }
    })
    bot = world.bot
    world.slack.setUser("U-WSADMIN", { is_admin: true })
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob" })
  })
  afterAll(async () => {
    await world?.close()
  })

  /** A slash command to whichever bot process is current, and its private answer. */
  const ask = async (text: string, userId = "U-ALICE") => {
    const responseUrl = world.slack.responseUrl()
    const id = responseUrl.split("/").pop()
    await sendSlashCommand(bot.url, SIGNING_SECRET, { text, userId, channelId: "C-OPS", responseUrl })
    const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === id, { timeoutMs: 20_000 })
    return (reply as { body: unknown }).body
  }
  const confirm = async (text: string, userId = "U-ALICE") => {
    const value = buttonsOf((await ask(text, userId)) as never, "confirm_change")[0]?.value
    expect(value).toBeDefined()
    await sendBlockAction(bot.url, SIGNING_SECRET, {
      actionId: "confirm_change",
      value: value!,
      userId,
      channelId: "C-OPS",
      responseUrl: world.slack.responseUrl(),
      container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000900", channel_id: "C-OPS" }
    })
  }
  const auditLines = (process: BotProcess) =>
    process.output.flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>
        return parsed.message === "audit record" ? [parsed] : []
      } catch {
        return []
      }
    })
  const until = async (done: () => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs
    while (!done()) {
      if (Date.now() > deadline) throw new Error("timed out")
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  it("a login and a restart leave records, each also one JSON log line, with nothing secret", async () => {
    await confirm("restart alice-web web")
    await until(() => auditLines(bot).some((l) => l.audit_action === "restart" && l.audit_outcome === "done"))
    const restart = auditLines(bot).find((l) => l.audit_action === "restart" && l.audit_outcome === "done")!
    expect(restart).toMatchObject({
      app: "alice-web",
      region: "osc-fr1",
      scalingo_user: "alice",
      slack_user: "U-ALICE"
    })
    expect(restart.scalingo_ref).toEqual(expect.any(String))
    expect(auditLines(bot).some((l) => l.audit_action === "login" && l.audit_outcome === "done")).toBe(true)
    const text = readable(await ask("audit"))
    expect(text).toContain("`restart` `alice-web` in `osc-fr1` in <#C-OPS> · :white_check_mark: done · Scalingo `")
    expect(text).toContain("`login`")
    expect(JSON.stringify(auditLines(bot))).not.toMatch(/tk-us-|xox[bp]-|@example\.com/)
  })

  it("a restart whose answer was lost is recorded with outcome unknown", async () => {
    world.sim.faults.add({ method: "POST", path: "/v1/apps/alice-web/restart", reset: true, times: 1 })
    await confirm("restart alice-web worker")
    await until(() => auditLines(bot).some((l) => l.audit_outcome === "unknown"))
    expect(readable(await ask("audit alice-web"))).toContain("unknown (the answer was lost")
  })

  it("a bot killed mid-change leaves the record, completed as unknown when the bot starts again", async () => {
    world.sim.faults.add({ method: "POST", path: "/v1/apps/bob-blog/scale", latencyMs: 10_000, times: 1 })
    await confirm("scale bob-blog web:2", "U-BOB")
    await until(() => auditLines(bot).some((l) => l.audit_action === "scale" && l.audit_outcome === "pending"))
    // The POST is on its way (the simulator holds its answer for 10 s) when the process is killed.
    await new Promise((r) => setTimeout(r, 300))
    await bot.stop("SIGKILL")
    bot = await world.startAnother()
    await until(() => auditLines(bot).some((l) => l.audit_action === "scale" && l.audit_outcome === "unknown"))
    const mine = readable(await ask("audit", "U-BOB"))
    expect(mine).toContain("`scale` `bob-blog`")
    // Issue 16 (polish 8): internal codes are written as words.
    expect(mine).toContain("(interrupted)")
  }, 60_000)

  it("an admin's `audit` shows others' records; a non-admin's only their own", async () => {
    const byAdmin = readable(await ask("audit", "U-WSADMIN"))
    expect(byAdmin).toContain("in this workspace")
    expect(byAdmin).toContain("<@U-ALICE>")
    expect(byAdmin).toContain("<@U-BOB>")
    const byBob = readable(await ask("audit", "U-BOB"))
    expect(byBob).toContain("Your changes")
    expect(byBob).not.toContain("<@U-ALICE>")
  })

  it("records older than AUDIT_RETENTION_DAYS are deleted periodically (a shortened clock)", async () => {
    await bot.stop("SIGTERM")
    // 0.00003 days is about 2.6 s; the sweep then runs every second.
    bot = await world.startAnother({ AUDIT_RETENTION_DAYS: "0.00003" })
    await until(() => bot.output.some((l) => l.includes("deleted old audit records")), 20_000)
    expect(readable(await ask("audit", "U-WSADMIN"))).toContain("none yet")
  }, 60_000)
})
