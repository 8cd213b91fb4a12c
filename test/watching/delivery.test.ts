import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Message } from "../../src/blockKit/blocks.js"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import {
  buttonValue,
  type CommandKit,
  messageOf,
  person,
  type Recorded,
  startCommandKit,
  textOf
} from "../support/commandKit.js"

const inChannel = (replies: ReadonlyArray<Recorded>, channel: string) =>
  replies.filter(
    (r) => (r.reply._tag === "Post" || r.reply._tag === "Update") && (r.reply.channel ?? r.origin.channelId) === channel
  )
const texts = (replies: ReadonlyArray<Recorded>) => replies.map((r) => textOf(messageOf(r.reply)!))
/** A button of the message by its text, in an actions block or beside a section. */
const alertButton = (message: Message, text: string) =>
  message.blocks
    .flatMap((b) =>
      b.type === "actions"
        ? (b.elements as Array<{ action_id: string; value?: string; text: { text: string } }>)
        : b.type === "section" && b.accessory !== undefined
          ? [b.accessory as { action_id: string; value?: string; text: { text: string } }]
          : []
    )
    .find((e) => e.text.text === text)
const buttonOf = (message: Message, text: string) =>
  message.blocks
    .flatMap((b) =>
      b.type === "actions" ? (b.elements as Array<{ action_id: string; value?: string; text: { text: string } }>) : []
    )
    .find((e) => e.text.text === text)

describe("what a watching channel is told (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.link("U-ERIN", "erin")
    await kit.link("U-BOB", "bob")
  })
  afterAll(() => kit?.close())

  /** Replies in `channel` made by one poll. */
  const poll = async (channel: string) => {
    const mark = kit.replies.length
    await kit.pollOnce()
    return inChannel(kit.replies.slice(mark), channel)
  }

  it("a deployment gets one message, edited in place on every status change, finished with its duration", async () => {
    await kit.slash("subscribe alice-web deploys", { userId: "U-ALICE", channelId: "C-DEP" })
    const deployment = kit.sim.startDeployment("alice", "osc-fr1", "alice-web", {
      stepMs: "manual",
      gitRef: "abc123def456"
    })
    const [first, ...rest] = await poll("C-DEP")
    expect(rest).toEqual([])
    expect(first?.reply._tag).toBe("Post")
    expect(texts([first!])[0]).toMatch(/Deployment of `alice-web` at `abc123d` by alice: \*queued\*/)
    const seen: Array<Reply> = []
    while (deployment.status !== "success") {
      deployment.step()
      const edits = await poll("C-DEP")
      expect(edits).toHaveLength(1)
      seen.push(edits[0]!.reply)
    }
    const tss = new Set(seen.map((r) => (r._tag === "Update" ? r.ts : "not an edit")))
    expect(tss.size).toBe(1)
    expect(texts([{ origin: first!.origin, reply: seen.at(-1)! }])[0]).toMatch(/\*success\*, deployed in \d+s/)
    expect(await poll("C-DEP")).toEqual([])
  })

  it("subscribing again keeps a deployment's message: later statuses still edit it in place", async () => {
    const deployment = kit.sim.startDeployment("alice", "osc-fr1", "alice-web", { stepMs: "manual" })
    const [first] = await poll("C-DEP")
    expect(first?.reply._tag).toBe("Post")
    await kit.slash("subscribe alice-web deploys", { userId: "U-ALICE", channelId: "C-DEP" })
    deployment.step()
    const [edit, ...more] = await poll("C-DEP")
    expect(more).toEqual([])
    expect(edit?.reply._tag).toBe("Update")
    deployment.finish()
    await poll("C-DEP")
  })

  it("a failed deployment puts its build log's last lines in that message's thread, once", async () => {
    const deployment = kit.sim.startDeployment("alice", "osc-fr1", "alice-web", {
      stepMs: "manual",
      outcome: "build-error"
    })
    deployment.finish()
    const replies = await poll("C-DEP")
    expect(replies).toHaveLength(2)
    const [message, log] = replies
    expect(texts([message!])[0]).toContain("*build error*, failed")
    expect(log?.reply._tag === "Post" && log.reply.threadTs).toMatch(/^1700000000\.\d+$/)
    expect(texts([log!])[0]).toMatch(/build log of deployment/i)
    expect(await poll("C-DEP")).toEqual([])
  })

  it("a crash gets one message whose Restart button asks the clicker to confirm, with their account", async () => {
    await kit.slash("subscribe alice-web crashes", { userId: "U-ALICE", channelId: "C-CRASH" })
    kit.sim.crashApp("alice", "osc-fr1", "alice-web")
    const replies = await poll("C-CRASH")
    expect(replies).toHaveLength(1)
    const alert = messageOf(replies[0]!.reply)!
    expect(textOf(alert)).toContain("`alice-web` crashed")
    expect(textOf(alert)).toContain("The app is *crashed*")
    const restart = buttonOf(alert, "Restart")!
    const asked = await kit.click(restart.action_id, restart.value!, {
      person: { teamId: "T0001", userId: "U-ERIN", userName: "erin" },
      channelId: "C-CRASH"
    })
    expect(asked.map((r) => r.reply._tag)).toContain("Private")
    expect(texts(asked).join("\n")).toMatch(/Restart\* `alice-web`/)
    const stranger = await kit.click(restart.action_id, restart.value!, {
      person: { teamId: "T0001", userId: "U-NOBODY", userName: "nobody" },
      channelId: "C-CRASH"
    })
    expect(texts(stranger).join("\n")).toContain("/scalingo login")
    expect(await poll("C-CRASH")).toEqual([])
  })

  it("a crash alert is an incident card: log tail, Logs to a DM, edited when a restart is sent", async () => {
    await kit.slash("subscribe bob-blog crashes", { userId: "U-BOB", channelId: "C-INCIDENT" })
    kit.sim.crashApp("bob", "osc-fr1", "bob-blog")
    const [posted] = await poll("C-INCIDENT")
    const alert = messageOf(posted!.reply)!
    expect(textOf(alert)).toContain("The crash log's last lines")
    expect(textOf(alert)).toContain("exited with code 137 (out of memory)")
    expect(JSON.stringify(alert)).not.toMatch(/logs_url|\/logs\?|token=/)
    const logs = alertButton(alert, "Logs")!
    const sent = await kit.click(logs.action_id, logs.value!, { person: person("U-ERIN"), channelId: "C-INCIDENT" })
    expect(sent.map((r) => r.reply._tag)).toContain("DirectMessage")
    const restart = alertButton(alert, "Restart")!
    const [question] = await kit.click(restart.action_id, restart.value!, {
      person: person("U-ERIN"),
      channelId: "C-INCIDENT"
    })
    const confirm = buttonValue(messageOf(question!.reply)!, "confirm_change")!
    const mark = kit.replies.length
    await kit.click("confirm_change", confirm, { person: person("U-ERIN"), channelId: "C-INCIDENT" })
    await kit.settle()
    const edit = kit.replies
      .slice(mark)
      .find((r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("`bob-blog` crashed"))
    expect(edit).toBeDefined()
    const edited = messageOf(edit!.reply)!
    expect(textOf(edited)).toContain("<@U-ERIN> sent a restart")
    expect(alertButton(edited, "Restart")).toBeUndefined()
    expect(alertButton(edited, "Logs")).toBeDefined()
  })

  it("`all`: a few events one line each; a burst is grouped into one message", async () => {
    await kit.slash("subscribe bob-blog all", { userId: "U-BOB", channelId: "C-ALL" })
    kit.sim.appendEvent("bob", "osc-fr1", "bob-blog", { type: "restart", type_data: { scope: ["web"] } })
    kit.sim.appendEvent("bob", "osc-fr1", "bob-blog", { type: "edit_app", type_data: { force_https: true } })
    expect(await poll("C-ALL")).toHaveLength(2)
    for (let i = 0; i < 8; i++) kit.sim.appendEvent("bob", "osc-fr1", "bob-blog", { type: "restart" })
    const burst = await poll("C-ALL")
    expect(burst).toHaveLength(1)
    expect(texts(burst)[0]).toContain("8 new events on `bob-blog`")
    expect(texts(burst)[0]).not.toContain("@example.com")
    expect(await poll("C-ALL")).toEqual([])
  })

  it("Slack refusing to post pauses the subscription without a word in the channel, logged once", async () => {
    await kit.slash("subscribe bob-shop", { userId: "U-BOB", channelId: "C-GONE" })
    kit.refusePosts("C-GONE", "channel_not_found")
    kit.sim.crashApp("bob", "osc-fr1", "bob-shop")
    await kit.pollOnce()
    await kit.pollOnce()
    expect(
      kit.logs.filter((l) => l.message === "subscription paused" && l.annotations.channel === "C-GONE")
    ).toHaveLength(1)
    const [list] = await kit.slash("subscriptions", { userId: "U-BOB", channelId: "C-GONE" })
    expect(textOf(messageOf(list!.reply)!)).toContain("paused*: Slack refused to post here (channel_not_found)")
  })

  it("a deleted app tells the channel once and pauses the subscription with why", async () => {
    kit.sim.addApp("bob", "osc-fr1", { name: "bob-temp" })
    await kit.slash("subscribe bob-temp", { userId: "U-BOB", channelId: "C-DELETED" })
    kit.sim.deleteApp("bob", "osc-fr1", "bob-temp")
    const told = [...(await poll("C-DELETED")), ...(await poll("C-DELETED"))]
    expect(texts(told)).toEqual([expect.stringContaining("can no longer read the app (or it was deleted)")])
  })

  it("a revoked link tells the channel once, pauses, and subscribing again resumes", async () => {
    kit.sim.createAccount({ username: "dana" })
    kit.sim.addApp("dana", "osc-fr1", { name: "dana-api" })
    kit.sim.shareApp("dana", "osc-fr1", "dana-api", "bob", "collaborator")
    await kit.link("U-DANA", "dana")
    await kit.slash("subscribe dana-api", { userId: "U-DANA", channelId: "C-REVOKED" })
    kit.sim.revokeToken(kit.sim.accounts.dana!.apiToken)
    kit.sim.expireBearers()
    const told = [...(await poll("C-REVOKED")), ...(await poll("C-REVOKED")), ...(await poll("C-REVOKED"))]
    expect(told).toHaveLength(1)
    expect(texts(told)[0]).toContain("paused")
    const [list] = await kit.slash("subscriptions", { userId: "U-BOB", channelId: "C-REVOKED" })
    expect(textOf(messageOf(list!.reply)!)).toContain("paused*: the subscriber's Scalingo link no longer works")
    const again = await kit.slash("subscribe dana-api", { userId: "U-BOB", channelId: "C-REVOKED" })
    expect(texts(again).join("\n")).toContain("<@U-BOB> subscribed this channel")
    const [after] = await kit.slash("subscriptions", { userId: "U-BOB", channelId: "C-REVOKED" })
    expect(textOf(messageOf(after!.reply)!)).not.toContain("paused")
  })

  it("a subscriber deactivated in Slack: the subscription pauses and the channel is told once", async () => {
    kit.sim.addApp("bob", "osc-fr1", { name: "bob-left" })
    await kit.link("U-LEAVER", "bob")
    await kit.slash("subscribe bob-left crashes", { userId: "U-LEAVER", channelId: "C-LEFT" })
    kit.deactivate("U-LEAVER")
    kit.sim.crashApp("bob", "osc-fr1", "bob-left")
    const told = [...(await poll("C-LEFT")), ...(await poll("C-LEFT"))]
    expect(texts(told)).toEqual([expect.stringContaining("Slack account was deactivated")])
    const [list] = await kit.slash("subscriptions", { userId: "U-BOB", channelId: "C-LEFT" })
    expect(textOf(messageOf(list!.reply)!)).toContain("paused*: the subscriber's Slack account was deactivated")
  })
})
