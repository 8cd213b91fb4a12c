import Database from "better-sqlite3"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf } from "../support/blockKit.js"
import type { FakeSlackCall } from "../support/fakeSlack.js"
import { postSigned, sendInteractive } from "../support/slackRequests.js"
import { blockActionsPayload, interactiveBody } from "../support/slackPayloads.js"
import { commandReply, linkAccounts, readable, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

/** The contract's "Operating apps", end to end: signed requests to the real bot, the fake Slack, the simulator. */
describe("operating apps", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({ simulator: { operationDurationMs: 400, requestsPerMinute: 1_000 } })
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob" })
  })
  afterAll(async () => {
    await world?.close()
  })

  const posts = (path: string) => world.sim.requests.filter((r) => r.method === "POST" && r.path === path)
  const confirmValue = async (text: string, actionId = "confirm_change") => {
    const { body } = await commandReply(world, text, { userId: "U-ALICE", channelId: "C-OPS" })
    const value = buttonsOf(body as never, actionId)[0]?.value
    expect(value, readable(body)).toBeDefined()
    return value!
  }
  /** A click on a private (ephemeral) question, as confirmations are. */
  const click = (actionId: string, value: string, userId = "U-ALICE", extra: Record<string, unknown> = {}) =>
    world.click({
      actionId,
      value,
      userId,
      channelId: "C-OPS",
      responseUrl: world.slack.responseUrl(),
      container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000900", channel_id: "C-OPS" },
      ...extra
    })
  const channelMessage = (predicate: (text: string) => boolean, timeoutMs = 20_000) =>
    world.slack.waitFor(
      (r) =>
        r.kind === "call" &&
        (r.method === "chat.update" || r.method === "chat.postMessage") &&
        predicate(readable((r as FakeSlackCall).params)),
      { timeoutMs }
    ) as Promise<FakeSlackCall>

  it("info shows the app card privately", async () => {
    const { body, text } = await commandReply(world, "info alice-web", { userId: "U-ALICE" })
    expect((body as { response_type: string }).response_type).toBe("ephemeral")
    expect(text).toContain("`web`: 2 × M")
    expect(JSON.stringify(body)).toContain("dashboard.scalingo.com/apps/osc-fr1/alice-web")
  })

  it(
    "three quick clicks plus a Slack retry of the same click send one restart, edited in place " + "until done",
    async () => {
      const value = await confirmValue("restart alice-web web")
      const before = posts("/v1/apps/alice-web/restart").length
      const responseUrl = world.slack.responseUrl()
      // Each click is its own request (its own trigger id); Slack's retry repeats the first one exactly.
      const bodies = [1, 2, 3].map((click) =>
        interactiveBody(
          blockActionsPayload({
            actionId: "confirm_change",
            value,
            userId: "U-ALICE",
            channelId: "C-OPS",
            responseUrl,
            triggerId: `1700000000.${click}.quick`,
            container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000901", channel_id: "C-OPS" }
          })
        )
      )
      const sends = bodies.map((body) => postSigned(world.bot.url, SIGNING_SECRET, body))
      sends.push(postSigned(world.bot.url, SIGNING_SECRET, bodies[0]!, { headers: { "x-slack-retry-num": "1" } }))
      for (const reply of await Promise.all(sends)) expect(reply.status).toBe(200)
      const mark = world.slack.calls.length
      const done = await channelMessage((t) => t.includes("restarted") && t.includes("done in"))
      expect(posts("/v1/apps/alice-web/restart").length - before).toBe(1)
      const announced = world.slack.calls.filter(
        (c) => c.method === "chat.postMessage" && readable(c.params).includes("is restarting `web` of `alice-web`")
      )
      expect(announced).toHaveLength(1)
      // Every later state edits that one message: the same ts each time, never a new post.
      expect(done.method).toBe("chat.update")
      const edits = world.slack.calls
        .slice(mark)
        .filter((c) => c.method === "chat.update" && readable(c.params).includes("alice-web"))
      expect(new Set(edits.map((c) => c.params.ts)).size).toBe(1)
    }
  )

  it("another person's click changes nothing and tells them privately", async () => {
    const value = await confirmValue("restart alice-web")
    const before = posts("/v1/apps/alice-web/restart").length
    const responseUrl = world.slack.responseUrl()
    await click("confirm_change", value, "U-BOB", { responseUrl })
    const told = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop())
    expect(readable((told as { body: unknown }).body)).toContain("not yours")
    expect(posts("/v1/apps/alice-web/restart").length).toBe(before)
  })

  it("a confirmation left 10 minutes expires and says so (the clock moved, not waited)", async () => {
    const value = await confirmValue("restart alice-web")
    const db = new Database(path.join(world.dataDir, "bot.sqlite"))
    db.prepare("UPDATE pending_changes SET expires_at = ? WHERE status = 'pending'").run(
      new Date(Date.now() - 1_000).toISOString()
    )
    db.close()
    const before = posts("/v1/apps/alice-web/restart").length
    const responseUrl = world.slack.responseUrl()
    await click("confirm_change", value, "U-ALICE", { responseUrl })
    const told = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop())
    expect((told as { body: { replace_original?: boolean } }).body.replace_original).toBe(true)
    expect(readable((told as { body: unknown }).body)).toContain("expired after 10 minutes")
    expect(posts("/v1/apps/alice-web/restart").length).toBe(before)
  })

  it("an operation ending in error shows Scalingo's reason in the channel message", async () => {
    world.sim.planNextOperation("alice", "osc-fr1", "alice-web", { error: "container web-1 failed to restart" })
    await click("confirm_change", await confirmValue("restart alice-web web"))
    await channelMessage((t) => t.includes("failed") && t.includes("container web-1 failed to restart"))
  })

  it("the typed-name modal refuses a wrong name inline, and the right one sends one scale", async () => {
    const value = await confirmValue("scale alice-worker web:0 worker:0", "confirm_stop")
    const triggerId = `trigger-${Date.now()}`
    await click("confirm_stop", value, "U-ALICE", { triggerId })
    const opened = await world.slack.waitForCall("views.open", (c) => c.params.trigger_id === triggerId)
    const view =
      world.slack.views.get(String((opened.params.view as { id?: string }).id ?? "")) ??
      [...world.slack.views.values()].find((v) => v.callback_id === "confirm_stop_modal")!
    const before = posts("/v1/apps/alice-worker/scale").length
    const wrong = await world.submit({
      view,
      userId: "U-ALICE",
      values: { app_name: { app_name: { type: "plain_text_input", value: "alice-workr" } } }
    })
    expect(wrong.body).toMatchObject({ response_action: "errors" })
    expect(posts("/v1/apps/alice-worker/scale").length).toBe(before)
    const right = await world.submit({
      view,
      userId: "U-ALICE",
      values: { app_name: { app_name: { type: "plain_text_input", value: "alice-worker" } } }
    })
    expect(right.status).toBe(200)
    await channelMessage((t) => t.includes("scaled") || t.includes("is scaling"))
    expect(posts("/v1/apps/alice-worker/scale").length - before).toBe(1)
  })

  it("picker options come in time from the person's own apps, none of another account's", async () => {
    const { text } = await commandReply(world, "info", { userId: "U-BOB" })
    expect(text).toContain("Which app")
    const ask = (userId: string, value: string) =>
      sendInteractive(world.bot.url, SIGNING_SECRET, {
        type: "block_suggestion",
        user: { id: userId, team_id: "T0001", name: userId },
        team: { id: "T0001" },
        action_id: "app_picker",
        block_id: '{"s":"info","w":[]}',
        value
      })
    const bob = await ask("U-BOB", "")
    expect(bob.status).toBe(200)
    expect(bob.elapsedMs).toBeLessThan(3_000)
    const names = (bob.body as { options: Array<{ value: string }> }).options.map((o) => o.value)
    expect(names).toContain("bob-blog")
    expect(names.some((n) => n.startsWith("alice"))).toBe(false)
    const filtered = await ask("U-ALICE", "secure")
    expect((filtered.body as { options: Array<{ value: string }> }).options.map((o) => o.value)).toEqual([
      "alice-secure"
    ])
  })

  it(
    "logs reach only the person's direct message; the logs URL's token reaches neither Slack " + "nor the log",
    async () => {
      const { text } = await commandReply(world, "logs alice-web 30", { userId: "U-ALICE", channelId: "C-OPS" })
      expect(text).toContain("direct message")
      const dm = await world.slack.waitForCall("chat.postMessage", (c) => String(c.params.channel).startsWith("D"))
      expect(readable(dm.params)).toContain("alice-web")
      const inChannel = world.slack.calls.filter(
        (c) => c.method === "chat.postMessage" && c.params.channel === "C-OPS" && readable(c.params).includes("[web-")
      )
      expect(inChannel).toEqual([])
      const everything =
        JSON.stringify(world.slack.calls) + JSON.stringify(world.slack.responses) + world.bot.output.join("\n")
      expect(everything).not.toContain(world.sim.logsUrl)
      expect(everything).not.toMatch(/[?&]token=/)
    }
  )
})
