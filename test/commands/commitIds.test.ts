import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Message } from "../../src/blockKit/blocks.js"
import { type CommandKit, messageOf, type Recorded, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const SHA = "58c778ff1c6d275c49af18adca456acd98db4ad0"
const SHORT = "58c778f"

/** What a person reads: a link shows its label, not its URL. */
const shownTexts = (replies: ReadonlyArray<Recorded>) =>
  replies.flatMap((r) => {
    const message = messageOf(r.reply)
    return message === undefined ? [] : [textOf(message).replace(/<[^|>]*\|/g, "<")]
  })
const buttonValues = (message: Message, actionId: string) =>
  message.blocks.flatMap((b) => {
    const accessory = "accessory" in b ? [b.accessory as { action_id?: string; value?: string }] : []
    return accessory.filter((e) => e?.action_id === actionId).map((e) => e.value!)
  })

describe("one short commit id everywhere a person reads one (in-process)", () => {
  let kit: CommandKit
  let deploymentId = ""
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.slash("subscribe alice-web deploys", { userId: "U-ALICE", channelId: "C-COMMITS" })
    const deployment = kit.sim.startDeployment("alice", "osc-fr1", "alice-web", {
      stepMs: "manual",
      gitRef: SHA,
      outcome: "build-error"
    })
    deploymentId = deployment.id
    deployment.finish()
  })
  afterAll(() => kit?.close())

  /** The commit reads as its 7 characters; neither the 40-character id nor the deployment's id shows. */
  const expectShortOnly = (texts: ReadonlyArray<string>) => {
    expect(texts.length).toBeGreaterThan(0)
    const all = texts.join("\n")
    expect(all).toContain(SHORT)
    expect(all).not.toContain(SHA.slice(0, 8))
    expect(all).not.toContain(deploymentId)
  }

  it("the info card's last deployment", async () => {
    expectShortOnly(shownTexts(await kit.slash("info alice-web", { userId: "U-ALICE" })))
  })

  it("the deployments listing and a deployment's build log", async () => {
    const replies = await kit.slash("deployments alice-web", { userId: "U-ALICE" })
    const page = messageOf(replies.at(-1)!.reply)!
    expectShortOnly([textOf(page)])
    const log = await kit.click("build_log", buttonValues(page, "build_log")[0]!, { person: alice })
    expectShortOnly(shownTexts(log))
    const file = log.find((r) => r.reply._tag === "File")?.reply
    if (file !== undefined && file._tag === "File") expect(`${file.title} ${file.filename}`).not.toContain(deploymentId)
  })

  it("a watched deployment's message and its build log in the thread", async () => {
    const mark = kit.replies.length
    await kit.pollOnce()
    expectShortOnly(shownTexts(kit.replies.slice(mark)))
  })

  it("an events sentence, linked to the commit where Scalingo gives its page", async () => {
    const replies = await kit.slash("events alice-web", { userId: "U-ALICE" })
    const texts = shownTexts(replies).filter((t) => t.includes(SHORT))
    expect(texts.length).toBeGreaterThan(0)
    expect(texts.join("\n")).not.toContain(SHA.slice(0, 8))
    expect(JSON.stringify(replies)).toContain(`/commit/${SHA}|`)
  })
})
