import path from "node:path"
import Database from "better-sqlite3"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { freePort } from "../support/botProcess.js"
import { slashCommandFields } from "../support/slackPayloads.js"
import { posted, shownIn, sleep, subscribeIn } from "../support/watching.js"
import { linkAccounts, readable, startWorld, type World } from "../support/world.js"

/**
 * Pushes: with PUBLIC_URL set, Scalingo's webhook notifier rings the bot, which reads the app through
 * the API at once. Polling is set to 10 minutes, so anything posted here within seconds came by push.
 */
describe("watching apps by push (PUBLIC_URL)", () => {
  let world: World
  let hook: string
  const call = (url: string, body: string | Buffer = "{}", headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } })
  const eventReads = () => world.sim.requests.filter((r) => r.path === "/v1/apps/bob-blog/events")

  beforeAll(async () => {
    const port = await freePort()
    world = await startWorld({
      simulator: { requestsPerMinute: 1_000 },
      env: { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, SUBSCRIPTION_POLL_SECONDS: "600" }
    })
    await linkAccounts(world, { "U-BOB": "bob" })
    await subscribeIn(world, "C-PUSH", "bob-blog", "U-BOB")
    const [notifier] = world.sim.notifiersOf("bob", "osc-fr1", "bob-blog")
    expect(notifier?.webhookUrl).toMatch(/\/scalingo\/webhooks\/[A-Za-z0-9_-]{43}$/)
    hook = notifier!.webhookUrl!
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  it("the notifier selects the followed event types, discovered from the API", () => {
    const [notifier] = world.sim.notifiersOf("bob", "osc-fr1", "bob-blog")
    expect([...notifier!.selectedEvents].sort()).toEqual(["app_crashed", "app_crashed_repeated", "app_deployed"])
    expect(world.sim.requests.some((r) => r.path === "/v1/notification_platforms/search")).toBe(true)
    expect(world.sim.requests.some((r) => r.path === "/v1/event_types")).toBe(true)
  })

  it("a Scalingo push leads to the message within a few seconds", async () => {
    const started = Date.now()
    world.sim.crashApp("bob", "osc-fr1", "bob-blog")
    await shownIn(world, "C-PUSH", (t) => t.includes("`bob-blog` crashed"), 5_000)
    expect(Date.now() - started).toBeLessThan(5_000)
    await world.sim.settleWebhooks()
    expect(world.sim.webhookDeliveries.at(-1)?.status).toBe(202)
  })

  it("a made-up secret gets 404 and posts nothing", async () => {
    const before = posted(world, "C-PUSH").length
    const reads = eventReads().length
    const made = hook.replace(/[^/]+$/, "A".repeat(43))
    expect((await call(made)).status).toBe(404)
    expect((await call(hook.replace(/[^/]+$/, "short"))).status).toBe(404)
    await sleep(1_500)
    expect(posted(world, "C-PUSH").length).toBe(before)
    expect(eventReads().length).toBe(reads)
  })

  it("a push whose body describes an event the API does not have posts nothing", async () => {
    const before = posted(world, "C-PUSH").length
    const reads = eventReads().length
    const forged = JSON.stringify({
      id: "ev-forged",
      type: "crash",
      app_name: "bob-blog",
      created_at: new Date().toISOString(),
      type_data: { container_type: "web", crash_logs: "FORGED" }
    })
    expect((await call(hook, forged)).status).toBe(202)
    await sleep(3_000)
    expect(eventReads().length).toBeGreaterThan(reads)
    expect(posted(world, "C-PUSH").length).toBe(before)
    expect(
      posted(world, "C-PUSH")
        .map((c) => readable(c.params))
        .join("\n")
    ).not.toContain("FORGED")
  })

  it("an oversize body is refused", async () => {
    const response = await call(hook, Buffer.alloc(200 * 1024, 0x61))
    expect(response.status).toBe(413)
  })

  it("a flood of calls is answered at once but reads the app only a few times", async () => {
    await sleep(3_000)
    const reads = eventReads().length
    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: 200 }, () => call(hook).then((r) => r.status)))
    expect(answers.every((s) => s === 202)).toBe(true)
    expect(Date.now() - started).toBeLessThan(5_000)
    await sleep(5_000)
    expect(eventReads().length - reads).toBeLessThanOrEqual(3)
  }, 30_000)

  it("a known secret while the database fails gets 503: Scalingo retries rather than give up", async () => {
    const db = new Database(path.join(world.dataDir, "bot.sqlite"), { timeout: 5_000 })
    try {
      // What the bot reads subscriptions from is missing for a moment, as with a broken database.
      db.prepare("ALTER TABLE subscriptions RENAME TO subscriptions_away").run()
      expect((await call(hook)).status).toBe(503)
    } finally {
      db.prepare("ALTER TABLE subscriptions_away RENAME TO subscriptions").run()
      db.close()
    }
    expect((await call(hook)).status).toBe(202)
  })

  it("unsubscribe deletes the notifier", async () => {
    const { sendSlashCommand } = await import("../support/slackRequests.js")
    const { SIGNING_SECRET } = await import("../support/world.js")
    await sendSlashCommand(world.bot.url, SIGNING_SECRET, {
      text: "unsubscribe bob-blog",
      userId: "U-BOB",
      channelId: "C-PUSH",
      responseUrl: world.slack.responseUrl()
    })
    await shownIn(world, "C-PUSH", (t) => t.includes("unsubscribed this channel from `bob-blog`"))
    expect(world.sim.notifiersOf("bob", "osc-fr1", "bob-blog")).toEqual([])
    expect((await call(hook)).status).toBe(404)
    // The URL's secret reached no Slack message and no log line.
    const secret = hook.split("/").pop()!
    expect(world.bot.output.join("\n")).not.toContain(secret)
    expect(JSON.stringify(world.slack.calls)).not.toContain(secret)
  })
})

/** Socket Mode has no public endpoint for Slack, but the doorbell is served on PORT all the same. */
describe("watching apps by push in Socket Mode", () => {
  let world: World
  beforeAll(async () => {
    const port = await freePort()
    world = await startWorld({
      simulator: { requestsPerMinute: 1_000 },
      env: {
        SLACK_APP_TOKEN: "xapp-1-A0001-0000-socketmodetoken",
        SLACK_SIGNING_SECRET: "",
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SUBSCRIPTION_POLL_SECONDS: "600"
      }
    })
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  const slash = (text: string, channelId = "C-SOCKET") =>
    world.slack.sendEnvelope(
      "slash_commands",
      slashCommandFields({ text, userId: "U-BOB", channelId, responseUrl: world.slack.responseUrl() }),
      { timeoutMs: 10_000 }
    )

  it("a push reaches the bot on PORT and the message follows within seconds", async () => {
    await slash(`login ${world.sim.accounts.bob!.apiToken}`)
    await world.slack.waitFor((r) => r.kind === "response" && readable((r as { body: unknown }).body).includes("bob"))
    await slash("subscribe bob-shop crashes")
    await shownIn(world, "C-SOCKET", (t) => t.includes("<@U-BOB> subscribed this channel"))
    const started = Date.now()
    world.sim.crashApp("bob", "osc-fr1", "bob-shop")
    await shownIn(world, "C-SOCKET", (t) => t.includes("`bob-shop` crashed"), 5_000)
    expect(Date.now() - started).toBeLessThan(5_000)
    await world.sim.settleWebhooks()
    expect(world.sim.webhookDeliveries.at(-1)?.status).toBe(202)
  }, 30_000)
})
