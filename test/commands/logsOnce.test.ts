import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import { type CommandKit, messageOf, type Recorded, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const ofTag = <T extends Reply["_tag"]>(replies: ReadonlyArray<Recorded>, tag: T) =>
  replies.filter((r) => r.reply._tag === tag).map((r) => r.reply as Extract<Reply, { _tag: T }>)
const SUB_SECOND = /\d\d:\d\d:\d\d\.\d/
const TO_THE_SECOND = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC \[web-1\] request \d+/

describe("logs once: a short excerpt or a file, never both (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    kit.sim.appendLogs(
      "alice",
      "osc-fr1",
      "alice-web",
      Array.from({ length: 300 }, (_, i) => `request ${i} ${"x".repeat(60)}`)
    )
  })
  afterAll(() => kit?.close())

  it("a few lines come as an excerpt in the DM, timestamps to the second, and no file", async () => {
    const shown = await kit.slash("logs alice-web 5", { userId: "U-ALICE" })
    const [dm] = ofTag(shown, "DirectMessage")
    expect(dm?.file).toBeUndefined()
    const text = textOf(dm!.message)
    expect(text).toContain("```")
    expect(text).toMatch(TO_THE_SECOND)
    expect(text).not.toMatch(SUB_SECOND)
  })

  it("many lines come as a file alone, timestamps to the second, with no excerpt beside it", async () => {
    const shown = await kit.slash("logs alice-web 300", { userId: "U-ALICE" })
    const [dm] = ofTag(shown, "DirectMessage")
    expect(dm?.file?.content.split("\n")).toHaveLength(300)
    expect(dm!.file!.content).toMatch(TO_THE_SECOND)
    expect(dm!.file!.content).not.toMatch(SUB_SECOND)
    expect(textOf(dm!.message)).not.toContain("```")
    expect(textOf(dm!.message)).toContain("attached file")
  })

  it("the note in the channel links to the direct message", async () => {
    const shown = await kit.slash("logs alice-web 5", { userId: "U-ALICE" })
    const note = messageOf(ofTag(shown, "Private").at(-1)!)!
    expect(textOf(note)).toMatch(/<https:\/\/slack\.com\/app_redirect\?channel=D[A-Z0-9-]+&team=T0001\|[^>]+>/)
  })

  it("a long build log is posted once in the thread: the file alone", async () => {
    const deployment = kit.sim.startDeployment("alice", "osc-fr1", "alice-web", { stepMs: "manual" })
    deployment.finish()
    const replies = await kit.slash("deployments alice-web", { userId: "U-ALICE" })
    const page = messageOf(replies.at(-1)!.reply)!
    const value = page.blocks
      .flatMap((b) => ("accessory" in b ? [b.accessory as { action_id?: string; value?: string }] : []))
      .find((e) => e.action_id === "build_log")!.value!
    const long = Array.from({ length: 200 }, (_, i) => `-----> step ${i}`).join("\n")
    kit.sim.faults.add({ path: /\/output$/, status: 200, body: long, contentType: "text/plain", times: 1 })
    const shown = await kit.click("build_log", value, { person: alice })
    kit.sim.faults.clear()
    const [file, ...more] = ofTag(shown, "File")
    expect(more).toEqual([])
    expect(file?.content).toContain("step 199")
    // The whole log as a file, and the last lines nowhere beside it.
    expect(JSON.stringify(shown.filter((r) => r.reply._tag !== "File"))).not.toContain("step 199")
  })
})
