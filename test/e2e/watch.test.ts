import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf } from "../support/blockKit.js"
import { maxInAnyWindow } from "../support/simulatorLog.js"
import { sendBlockAction } from "../support/slackRequests.js"
import { channelCalls, posted, shownIn, sleep, subscribeIn } from "../support/watching.js"
import { linkAccounts, readable, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

/**
 * The contract's "Watching apps" by polling, end to end: the real bot (polling every second), the fake
 * Slack and the simulator. The bot keeps polling within half of each account's budget (60 a minute
 * here), so one account's app is read about every 4 seconds: the waits below allow for it.
 */
describe("watching apps by polling", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({
      simulator: { requestsPerMinute: 1_000, operationDurationMs: 300 },
      env: { SUBSCRIPTION_POLL_SECONDS: "1" }
    })
    world.sim.createAccount({ username: "dana" })
    world.sim.addApp("dana", "osc-fr1", { name: "dana-api" })
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob", "U-ERIN": "erin", "U-DANA": "dana" })
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  it("a deployment produces one message, edited in place (same ts) through its statuses to the end", async () => {
    await subscribeIn(world, "C-DEPLOY", "alice-web deploys", "U-ALICE")
    const deployment = world.sim.startDeployment("alice", "osc-fr1", "alice-web", {
      stepMs: "manual",
      gitRef: "0123456789abcdef"
    })
    const first = await shownIn(world, "C-DEPLOY", (t) => t.includes("*queued*"))
    expect(first.method).toBe("chat.postMessage")
    const posts = world.slack.messages
    for (const status of ["building", "pushing", "starting"]) {
      deployment.step()
      const edit = await shownIn(world, "C-DEPLOY", (t) => t.includes(`*${status}*`))
      expect(edit.method).toBe("chat.update")
    }
    deployment.step()
    await shownIn(world, "C-DEPLOY", (t) => /\*success\*, deployed in \d+s/.test(t))
    const calls = channelCalls(world, "C-DEPLOY").filter((c) => readable(c.params).includes("`0123456`"))
    expect(calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(1)
    const ts = [...posts.values()].find((m) => m.channel === "C-DEPLOY" && m.text.includes("Deployment"))?.ts
    expect(new Set(calls.filter((c) => c.method === "chat.update").map((c) => c.params.ts))).toEqual(new Set([ts]))
  }, 90_000)

  it("a failed deployment gets its build log's tail in its message's thread", async () => {
    await subscribeIn(world, "C-BUILD", "bob-blog", "U-BOB")
    const deployment = world.sim.startDeployment("bob", "osc-fr1", "bob-blog", {
      stepMs: "manual",
      outcome: "build-error"
    })
    deployment.finish()
    const failed = await shownIn(world, "C-BUILD", (t) => t.includes("*build error*, failed"))
    const log = await shownIn(world, "C-BUILD", (t) => t.includes("build log of deployment"))
    expect(log.params.thread_ts).toBeDefined()
    expect(failed.method).toBe("chat.postMessage")
  }, 60_000)

  it("a crash posts one message whose Restart leads another linked person to a confirmed restart", async () => {
    await subscribeIn(world, "C-CRASH", "alice-web crashes", "U-ALICE")
    world.sim.crashApp("alice", "osc-fr1", "alice-web")
    const alert = await shownIn(world, "C-CRASH", (t) => t.includes("`alice-web` crashed"))
    const restart = buttonsOf(alert.params as never, "run_command").find((b) => b.text === "Restart")!
    const responseUrl = world.slack.responseUrl()
    await sendBlockAction(world.bot.url, SIGNING_SECRET, {
      actionId: "run_command",
      value: restart.value,
      userId: "U-ERIN",
      channelId: "C-CRASH",
      messageTs: "1700000000.000100",
      responseUrl
    })
    const question = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
      timeoutMs: 20_000
    })
    const confirm = buttonsOf((question as unknown as { body: never }).body, "confirm_change")[0]!
    const before = world.sim.requests.filter((r) => r.path === "/v1/apps/alice-web/restart").length
    await sendBlockAction(world.bot.url, SIGNING_SECRET, {
      actionId: "confirm_change",
      value: confirm.value,
      userId: "U-ERIN",
      channelId: "C-CRASH",
      responseUrl: world.slack.responseUrl(),
      container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000901", channel_id: "C-CRASH" }
    })
    await shownIn(world, "C-CRASH", (t) => t.includes("<@U-ERIN>") && t.includes("restart"))
    // The alert itself says who restarted, its Restart button retired.
    const retired = await world.slack.waitForCall(
      "chat.update",
      (c) => c.params.channel === "C-CRASH" && readable(c.params).includes("<@U-ERIN> sent a restart"),
      { timeoutMs: 20_000 }
    )
    expect(buttonsOf(retired.params as never, "run_command").map((b) => b.text)).not.toContain("Restart")
    const sent = world.sim.requests.filter((r) => r.path === "/v1/apps/alice-web/restart").slice(before)
    expect(sent.map((r) => r.account)).toEqual(["erin"])
    await sleep(5_000)
    expect(posted(world, "C-CRASH").filter((c) => readable(c.params).includes("crashed"))).toHaveLength(1)
  }, 90_000)

  it("a deleted deployment message: its next status is posted anew once, crashes still come", async () => {
    await subscribeIn(world, "C-DELETED", "bob-shop", "U-BOB")
    const deployment = world.sim.startDeployment("bob", "osc-fr1", "bob-shop", { stepMs: "manual", gitRef: "feedface" })
    await shownIn(world, "C-DELETED", (t) => t.includes("feedface") && t.includes("*queued*"))
    // Someone deletes the deployment's message in Slack: every edit of it is refused from then on.
    const [key] = [...world.slack.messages].find(([, m]) => m.channel === "C-DELETED" && m.text.includes("Deployment"))!
    world.slack.messages.delete(key)
    deployment.step()
    // The refused edit is not the end of it: the new status is posted anew, once.
    await world.slack.waitForCall(
      "chat.postMessage",
      (c) => c.params.channel === "C-DELETED" && readable(c.params).includes("*building*"),
      { timeoutMs: 20_000 }
    )
    world.sim.crashApp("bob", "osc-fr1", "bob-shop")
    await shownIn(world, "C-DELETED", (t) => t.includes("`bob-shop` crashed"))
    deployment.step()
    const edited = await shownIn(world, "C-DELETED", (t) => t.includes("feedface") && t.includes("*pushing*"))
    expect(edited.method).toBe("chat.update")
    // Deleted again: that is respected (nothing posted anew), and the channel still hears of crashes.
    for (const [key, m] of world.slack.messages)
      if (m.channel === "C-DELETED" && m.text.includes("Deployment")) world.slack.messages.delete(key)
    deployment.step()
    await world.slack.waitForCall(
      "chat.update",
      (c) => c.params.channel === "C-DELETED" && readable(c.params).includes("*starting*"),
      { timeoutMs: 20_000 }
    )
    world.sim.crashApp("bob", "osc-fr1", "bob-shop", { repeated: true })
    await shownIn(world, "C-DELETED", (t) => t.includes("keep crashing"))
    expect(posted(world, "C-DELETED").filter((c) => readable(c.params).includes("feedface"))).toHaveLength(2)
  }, 120_000)

  it("nothing from before the subscription is posted", async () => {
    await subscribeIn(world, "C-OLD", "alice-worker all", "U-ALICE")
    await sleep(9_000)
    expect(posted(world, "C-OLD").map((c) => readable(c.params))).toEqual([
      expect.stringContaining("subscribed this channel")
    ])
  }, 30_000)

  it("a revoked token: the channel is told once, not once per poll, and the subscription shows paused", async () => {
    await subscribeIn(world, "C-DANA", "dana-api", "U-DANA")
    world.sim.revokeToken(world.sim.accounts.dana!.apiToken)
    world.sim.expireBearers()
    await shownIn(world, "C-DANA", (t) => t.includes("is paused"))
    await sleep(6_000)
    expect(posted(world, "C-DANA").filter((c) => readable(c.params).includes("is paused"))).toHaveLength(1)
  }, 60_000)

  it("polling spends at most half of an account's budget, one read per app for every channel", async () => {
    // alice's subscriptions: alice-web (two channels, one read) and alice-worker; nothing else reads meanwhile.
    const from = Date.now()
    await sleep(16_000)
    const reads = world.sim.requests.filter(
      (r) => r.at >= from && r.account === "alice" && /^\/v1\/apps\/[^/]+\/(events|deployments)$/.test(r.path)
    )
    const of = (app: string) => reads.filter((r) => r.path === `/v1/apps/${app}/events`).length
    expect(of("alice-web")).toBeGreaterThanOrEqual(1)
    expect(Math.abs(of("alice-web") - of("alice-worker"))).toBeLessThanOrEqual(1)
    // Half of 60 a minute is 0.5 a second: 8 in 16 s, plus the one read (two requests) a window may start with.
    expect(reads.length).toBeLessThanOrEqual(10)
    expect(maxInAnyWindow(reads, 60_000)).toBeLessThanOrEqual(30)
  }, 30_000)

  it("after a SIGTERM restart nothing is posted again; one new event afterwards is posted once", async () => {
    const before = world.slack.calls.filter((c) => c.method === "chat.postMessage").length
    expect(await world.bot.stop("SIGTERM")).toBe(0)
    const again = await world.startAnother()
    await sleep(10_000)
    expect(world.slack.calls.filter((c) => c.method === "chat.postMessage").length).toBe(before)
    world.sim.crashApp("alice", "osc-fr1", "alice-web", { repeated: true })
    await shownIn(world, "C-CRASH", (t) => t.includes("keep crashing"))
    await sleep(6_000)
    expect(posted(world, "C-CRASH").filter((c) => readable(c.params).includes("keep crashing"))).toHaveLength(1)
    expect(again.output.join("\n")).not.toMatch(/tk-us-|Bearer /)
  }, 60_000)
})
