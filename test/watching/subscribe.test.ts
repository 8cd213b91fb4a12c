import { Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type CommandKit,
  joinedTexts,
  messageOf,
  type Recorded,
  startCommandKit,
  textOf
} from "../support/commandKit.js"

const textsOf = (replies: ReadonlyArray<Recorded>) => replies.map((r) => textOf(messageOf(r.reply)!))
const posts = (replies: ReadonlyArray<Recorded>, channel: string) =>
  replies.filter((r) => r.reply._tag === "Post" && (r.reply.channel ?? r.origin.channelId) === channel)

describe("subscribe, unsubscribe, subscriptions (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit({ watch: { publicUrl: Option.some("https://bot.example.com") } })
    await kit.link("U-ALICE", "alice")
    await kit.link("U-BOB", "bob")
  })
  afterAll(() => kit?.close())

  it("refuses to subscribe in a direct message, with a sentence saying to do it in a channel", async () => {
    const replies = await kit.slash("subscribe alice-web", { userId: "U-ALICE", channelId: "D0001" })
    expect(replies).toHaveLength(1)
    expect(replies[0]!.reply._tag).toBe("Private")
    expect(textsOf(replies)[0]).toContain("in the channel")
    expect(kit.sim.notifiersOf("alice", "osc-fr1", "alice-web")).toHaveLength(0)
  })

  it("refuses words it cannot follow, naming the ones it can", async () => {
    const [reply] = await kit.slash("subscribe alice-web builds", { userId: "U-ALICE", channelId: "C-W1" })
    expect(textOf(messageOf(reply!.reply)!)).toMatch(/deploys.*crashes.*all.*builds/s)
  })

  it("an app the subscriber cannot read is refused at once, and nothing is stored", async () => {
    const replies = await kit.slash("subscribe alice-web", { userId: "U-BOB", channelId: "C-W1" })
    expect(textsOf(replies).join("\n")).toMatch(/does not exist|no access/i)
    const [list] = await kit.slash("subscriptions", { userId: "U-BOB", channelId: "C-W1" })
    expect(textOf(messageOf(list!.reply)!)).toContain("follows no app yet")
  })

  it("tells the channel who subscribed; registers a webhook notifier for the followed event types only", async () => {
    const replies = await kit.slash("subscribe alice-web", { userId: "U-ALICE", channelId: "C-W1" })
    const told = posts(replies, "C-W1")
    expect(told).toHaveLength(1)
    const text = textOf(messageOf(told[0]!.reply)!)
    expect(text).toContain("<@U-ALICE> subscribed this channel to crashes and deployments of `alice-web`")
    const [notifier] = kit.sim.notifiersOf("alice", "osc-fr1", "alice-web")
    expect(notifier?.platform).toBe("webhook")
    expect(notifier?.webhookUrl).toMatch(/^https:\/\/bot\.example\.com\/scalingo\/webhooks\/[A-Za-z0-9_-]{43}$/)
    expect([...(notifier?.selectedEvents ?? [])].sort()).toEqual([
      "app_crashed",
      "app_crashed_repeated",
      "app_deployed"
    ])
    // The secret is in no reply and no log.
    const secret = notifier!.webhookUrl!.split("/").pop()!
    expect(JSON.stringify(kit.replies)).not.toContain(secret)
    expect(JSON.stringify(kit.logs)).not.toContain(secret)
  })

  it("posts nothing from before the subscription on the first poll", async () => {
    const mark = kit.replies.length
    await kit.pollOnce()
    expect(kit.replies.slice(mark)).toEqual([])
  })

  it("lists the channel's subscriptions privately: app, what, who, since when", async () => {
    const [reply] = await kit.slash("subscriptions", { userId: "U-BOB", channelId: "C-W1" })
    expect(reply!.reply._tag).toBe("Private")
    const text = textOf(messageOf(reply!.reply)!)
    expect(text).toContain("`alice-web` (`osc-fr1`): crashes and deployments · subscribed by <@U-ALICE>")
    expect(text).toContain("<!date^")
  })

  it("a made-up secret is not a doorbell; the notifier's is", async () => {
    expect(await kit.ring("x".repeat(43))).toBe(false)
    expect(await kit.ring("short")).toBe(false)
    const url = kit.sim.notifiersOf("alice", "osc-fr1", "alice-web")[0]!.webhookUrl!
    expect(await kit.ring(url.split("/").pop()!)).toBe(true)
  })

  it("unsubscribe stops it for the channel, says so there, and deletes the notifier", async () => {
    const replies = await kit.slash("unsubscribe alice-web", { userId: "U-BOB", channelId: "C-W1" })
    expect(textsOf(posts(replies, "C-W1"))[0]).toContain("<@U-BOB> unsubscribed this channel from `alice-web`")
    expect(kit.sim.notifiersOf("alice", "osc-fr1", "alice-web")).toHaveLength(0)
    const again = await kit.slash("unsubscribe alice-web", { userId: "U-BOB", channelId: "C-W1" })
    expect(textsOf(again)[0]).toContain("not subscribed to `alice-web`")
  })

  it("`all` follows every event; the help lists the three commands", async () => {
    const replies = await kit.slash("subscribe alice-worker all", { userId: "U-ALICE", channelId: "C-W2" })
    expect(textsOf(posts(replies, "C-W2"))[0]).toContain("to every event of `alice-worker`")
    const [help] = await kit.slash("help", { userId: "U-ALICE" })
    const text = textOf(messageOf(help!.reply)!)
    for (const word of ["subscribe my-app", "unsubscribe my-app", "subscriptions"]) expect(text).toContain(word)
  })

  it("two subscribes at once leave one notifier, which unsubscribe removes", async () => {
    const both = await Promise.all([
      kit.slash("subscribe alice-web crashes", { userId: "U-ALICE", channelId: "C-W3" }),
      kit.slash("subscribe alice-web deploys", { userId: "U-ALICE", channelId: "C-W3" })
    ])
    expect(joinedTexts(both.flat())).toContain("<@U-ALICE> subscribed this channel")
    expect(kit.sim.notifiersOf("alice", "osc-fr1", "alice-web")).toHaveLength(1)
    await kit.slash("unsubscribe alice-web", { userId: "U-ALICE", channelId: "C-W3" })
    expect(kit.sim.notifiersOf("alice", "osc-fr1", "alice-web")).toEqual([])
  })
})
