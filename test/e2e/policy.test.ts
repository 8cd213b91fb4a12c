import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf } from "../support/blockKit.js"
import type { FakeSlackCall } from "../support/fakeSlack.js"
import { commandReply, installWorkspace, linkAccounts, readable, startWorld, type World } from "../support/world.js"

/** Channel policies through the real bot: signed requests, the fake Slack (users.info), the simulator's log. */
describe("channel policies (end to end)", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({
      simulator: { operationDurationMs: 300, requestsPerMinute: 1_000 },
      env: { BOT_ADMINS: "U-BOTADMIN" }
    })
    world.slack.setUser("U-WSADMIN", { is_admin: true })
    // A second workspace the bot is also installed in (a channel shared with it, a person of the same id).
    await installWorkspace(world, "T0002")
    world.slack.setUser("U-OWNER", { is_owner: true })
    await linkAccounts(world, { "U-ALICE": "alice" })
  })
  afterAll(async () => {
    await world?.close()
  })

  const say = (text: string, userId = "U-ALICE", channelId = "C-OPS", teamId = "T0001") =>
    commandReply(world, text, { userId, channelId, teamId })
  const sent = () => world.sim.requests.filter((r) => r.method !== "GET").length
  const announced = (predicate: (text: string) => boolean) =>
    world.slack.waitFor(
      (r) => r.kind === "call" && r.method === "chat.postMessage" && predicate(readable((r as FakeSlackCall).params)),
      { timeoutMs: 10_000 }
    ) as Promise<FakeSlackCall>
  /** An admin's change: answered by its announcement in the channel, not privately. */
  const change = async (text: string, userId = "U-WSADMIN") => {
    const since = Date.now()
    const ack = await world.command(text, { userId, channelId: "C-OPS" })
    expect(ack.status).toBe(200)
    const post = await world.slack.waitFor(
      (r) =>
        r.kind === "call" &&
        r.method === "chat.postMessage" &&
        r.at >= since &&
        readable((r as FakeSlackCall).params).includes(`<@${userId}> changed the policy of <#C-OPS>`),
      { timeoutMs: 10_000 }
    )
    return (post as FakeSlackCall).params
  }
  const confirmValue = async (text: string, actionId = "confirm_change") => {
    const { body } = await say(text)
    const value = buttonsOf(body as never, actionId)[0]?.value
    expect(value, readable(body)).toBeDefined()
    return value!
  }
  const click = (actionId: string, value: string) =>
    world.click({
      actionId,
      value,
      userId: "U-ALICE",
      channelId: "C-OPS",
      container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000900", channel_id: "C-OPS" }
    })
  const clickAnswer = async (actionId: string, value: string) => {
    const responseUrl = world.slack.responseUrl()
    const id = responseUrl.split("/").pop()
    await world.click({
      actionId,
      value,
      userId: "U-ALICE",
      channelId: "C-OPS",
      responseUrl,
      container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000901", channel_id: "C-OPS" }
    })
    const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === id, { timeoutMs: 10_000 })
    return readable((reply as { body: unknown }).body)
  }

  it("a non-admin's `policy read-only` is refused; a BOT_ADMINS member's and a workspace admin's succeed", async () => {
    const refused = await say("policy read-only")
    expect(refused.text).toContain("Only the workspace's admins and owners, and <@U-BOTADMIN>")
    const post = await change("policy read-only", "U-BOTADMIN")
    expect(post.channel).toBe("C-OPS")
    expect(readable(post)).toContain("*read-only*")
    expect(readable(await change("policy reset"))).toContain("bot's default")
    const asked = world.slack.calls.filter((c) => c.method === "users.info").map((c) => c.params.user)
    expect(asked).toContain("U-WSADMIN")
    expect(asked).not.toContain("U-BOTADMIN")
    await change("policy read-only", "U-OWNER")
  })

  it(
    "a read-only channel refuses restart, scale, create and subscribe with a sentence naming the policy; nothing " +
      "is sent",
    async () => {
      const before = sent()
      const gets = world.sim.requests.length
      for (const text of ["restart alice-web", "scale alice-web web:3", "create brand-new", "subscribe alice-web"]) {
        const { text: said } = await say(text)
        expect(said).toContain("is not allowed in <#C-OPS>")
        expect(said).toContain("*read-only*")
        expect(said).toContain("Nothing was sent to Scalingo")
        expect(said).toContain("Who can change it")
      }
      expect(sent()).toBe(before)
      expect(world.sim.requests.length).toBe(gets)
    }
  )

  it("`policy allow restart` lets a restart through; scale is still refused", async () => {
    await change("policy allow restart")
    const value = await confirmValue("restart alice-web web")
    const posts = () => world.sim.requests.filter((r) => r.method === "POST" && r.path.endsWith("/restart")).length
    const before = posts()
    await click("confirm_change", value)
    await announced((t) => t.includes("is restarting `web` of `alice-web`"))
    expect(posts()).toBe(before + 1)
    expect((await say("scale alice-web web:3")).text).toContain("`scale` is not allowed in <#C-OPS>")
  })

  it("`policy apps acme-*` refuses another app", async () => {
    await change("policy apps acme-*")
    const before = world.sim.requests.length
    const { text } = await say("restart alice-web")
    expect(text).toContain("`alice-web` is not one of the apps allowed in <#C-OPS>")
    expect(text).toContain("only the apps `acme-*`")
    expect((await say("info alice-web")).text).toContain("is not one of the apps allowed")
    expect(world.sim.requests.length).toBe(before)
  })

  it("a confirmation asked before a policy change and clicked after it is refused", async () => {
    await change("policy reset")
    const value = await confirmValue("scale alice-web web:3")
    await change("policy read-only")
    const before = sent()
    const answer = await clickAnswer("confirm_change", value)
    expect(answer).toContain("`scale` is not allowed in <#C-OPS>")
    expect(sent()).toBe(before)
  })

  // Issue 16 (defect 2): this test said another workspace acting in C-OPS followed the default policy, which
  // let a shared channel's guests restart in a read-only channel. Channel ids are global: the policy applies.
  it(
    "a shared channel's policy applies to another organisation's members; their admins are not admins " + "here",
    async () => {
      const { text } = await say("policy", "U-ALICE", "C-OPS", "T0002")
      expect(text).toContain("*read-only*")
      world.slack.setUser("U-GUESTADMIN", { is_admin: true, team_id: "T0002" })
      const before = sent()
      expect((await say("restart alice-web", "U-GUESTADMIN", "C-OPS", "T0002")).text).toContain(
        "is not allowed in <#C-OPS>"
      )
      expect((await say("policy reset", "U-GUESTADMIN", "C-OPS", "T0002")).text).toContain(
        "Only the workspace's admins"
      )
      // Naming this workspace in the request changes nothing: Slack knows them as another workspace's admin.
      expect((await say("policy reset", "U-GUESTADMIN", "C-OPS", "T0001")).text).toContain(
        "Only the workspace's admins"
      )
      expect(sent()).toBe(before)
      expect((await say("policy")).text).toContain("*read-only*")
    }
  )
})
