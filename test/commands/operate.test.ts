import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Message } from "../../src/blockKit/blocks.js"
import { actionName } from "../../src/blockKit/uniqueIds.js"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import { type CommandKit, messageOf, type Recorded, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const values = (message: Message, actionId: string) =>
  message.blocks.flatMap((b) => {
    const elements = [
      ...(b.type === "actions" ? (b.elements as Array<{ action_id?: string; value?: string }>) : []),
      ...("accessory" in b && b.accessory ? [b.accessory as { action_id?: string; value?: string }] : [])
    ]
    return elements.filter((e) => actionName(e.action_id ?? "") === actionId).map((e) => e.value!)
  })
const ofTag = <T extends Reply["_tag"]>(replies: ReadonlyArray<Recorded>, tag: T) =>
  replies.filter((r) => r.reply._tag === tag).map((r) => r.reply as Extract<Reply, { _tag: T }>)

describe("info, deployments, logs, the picker and shortcuts (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.link("U-BOB", "bob")
  })
  afterAll(() => kit?.close())

  it("info shows the app card privately, reading app, formation and last deployment at once", async () => {
    await kit.slash("apps", { userId: "U-ALICE" }) // the app directory is warm, as after any listing
    const before = kit.sim.requests.length
    const [card] = await kit.slash("info alice-web", { userId: "U-ALICE" })
    expect(card?.reply._tag).toBe("Private")
    const text = textOf(messageOf(card!.reply)!)
    expect(text).toContain("running")
    expect(text).toContain("`osc-fr1`")
    expect(text).toContain("`web`: 2 × M")
    expect(text).toContain("Last deployment")
    expect(kit.sim.requests.length - before).toBe(3)
    expect(values(messageOf(card!.reply)!, "run_command")).toEqual([
      "events alice-web",
      "deployments alice-web",
      "logs alice-web",
      "restart alice-web",
      "scale alice-web",
      "star alice-web"
    ])
  })

  it(
    "a command that needs an app and gets none offers the picker, whose options are the " + "person's own apps",
    async () => {
      const [picker] = await kit.slash("info", { userId: "U-ALICE" })
      expect(textOf(messageOf(picker!.reply)!)).toContain("Which app")
      const aliceOptions = await kit.options("alice", { userId: "U-ALICE" })
      expect(aliceOptions.map((o) => o.value)).toContain("alice-web")
      const bobOptions = await kit.options("", { userId: "U-BOB" })
      expect(bobOptions.map((o) => o.value).some((name) => name.startsWith("alice"))).toBe(false)
      const blockId = (messageOf(picker!.reply)!.blocks.find((b) => b.type === "actions") as { block_id: string })
        .block_id
      const shown = await kit.click("app_picker", "alice-web", { person: alice, blockId })
      expect(shown[0]?.reply).toMatchObject({ _tag: "Private", replace: true })
      expect(textOf(messageOf(shown[0]!.reply)!)).toContain("Formation")
    }
  )

  it("an apps row's menu runs the command it names, with the clicker's own account", async () => {
    const [answer] = await kit.click("run_command", "info alice-web", { person: alice })
    expect(textOf(messageOf(answer!.reply)!)).toContain("Formation")
    const [refused] = await kit.click("run_command", "login tk-us-forged", { person: alice })
    expect(textOf(messageOf(refused!.reply)!)).toContain("no longer valid")
  })

  it(
    "deployments post a parent and a page in its thread; a deployment's button posts its build " + "log there",
    async () => {
      const posts = ofTag(await kit.slash("deployments alice-web", { userId: "U-ALICE" }), "Post")
      expect(posts).toHaveLength(2)
      const page = posts[1]!
      expect(textOf(page.message)).toContain("deployments of `alice-web`")
      const logButton = values(page.message, "build_log")[0]!
      const shown = await kit.click("build_log", logButton, { person: alice })
      const log = ofTag(shown, "Post")[0]!
      expect(log.threadTs).toBe(page.threadTs)
      expect(textOf(log.message)).toContain("Build log")
    }
  )

  it("logs reach only the person's direct message, and the logs URL's token never reaches Slack", async () => {
    const shown = await kit.slash("logs alice-web 20 web", { userId: "U-ALICE" })
    const dm = ofTag(shown, "DirectMessage")
    expect(dm).toHaveLength(1)
    expect(ofTag(shown, "Post")).toHaveLength(0)
    expect(textOf(messageOf(shown.find((r) => r.reply._tag === "Private")!.reply)!)).toContain("direct message")
    const everything = JSON.stringify(kit.replies) + JSON.stringify(kit.logs)
    expect(everything).not.toMatch(/token=/)
    expect(everything).not.toContain(kit.sim.logsUrl)
  })

  it("logs without a filter cost 2 Scalingo requests (the logs URL, then the lines); a type filter 3", async () => {
    await kit.slash("apps", { userId: "U-ALICE" }) // the app directory is warm, as after any listing
    let before = kit.sim.requests.length
    const plain = await kit.slash("logs alice-web 10", { userId: "U-ALICE" })
    expect(ofTag(plain, "DirectMessage")).toHaveLength(1)
    expect(kit.sim.requests.length - before).toBe(2)
    before = kit.sim.requests.length
    const filtered = await kit.slash("logs alice-web 10 web", { userId: "U-ALICE" })
    expect(ofTag(filtered, "DirectMessage")).toHaveLength(1)
    expect(kit.sim.requests.length - before).toBe(3)
  })

  it("a log filter the app does not have is named with its real types", async () => {
    const [answer] = await kit.slash("logs alice-web db", { userId: "U-ALICE" })
    expect(textOf(messageOf(answer!.reply)!)).toContain("its types are")
  })
})
