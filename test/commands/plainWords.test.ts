import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CommandKit, messageOf, type Recorded, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
/** Marks mrkdwn would format, which a plain_text field (a modal's inline error) shows as they are. */
const MARKUP = /[`*]|&lt;|&gt;|&amp;|<[^>]*\|/

const inlineErrors = (ack: unknown) => Object.values((ack as { errors?: Record<string, string> }).errors ?? {})
const texts = (replies: ReadonlyArray<Recorded>) =>
  replies.flatMap((r) => (messageOf(r.reply) === undefined ? [] : [textOf(messageOf(r.reply)!)]))

describe("plain words where Slack shows text plain, and no internal codes (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  it("a modal's inline errors are plain text: no backticks, asterisks or escapes", async () => {
    const [opened] = await kit.slash("create my-new-app", { userId: "U-ALICE" })
    const metadata = (opened!.reply as { view: { private_metadata: string } }).view.private_metadata
    const taken = await kit.submit("create_app", {
      person: alice,
      viewId: "V-PLAIN-1",
      privateMetadata: metadata,
      values: { name: { name: { value: "alice-web" } }, region: { region: { selected_option: { value: "osc-fr1" } } } }
    })
    const badToken = await kit.submit("login", { values: { token: { token: { value: "nope" } } } })
    const errors = [...inlineErrors(taken.ack), ...inlineErrors(badToken.ack)]
    expect(errors).toHaveLength(2)
    expect(errors[0]).toBe("The name “alice-web” is already taken.")
    for (const error of errors) expect(error).not.toMatch(MARKUP)
  })

  it("deployment statuses read as words: 'build error', never `build-error`", async () => {
    await kit.slash("subscribe alice-web deploys", { userId: "U-ALICE", channelId: "C-WORDS" })
    kit.sim.startDeployment("alice", "osc-fr1", "alice-web", { stepMs: "manual", outcome: "build-error" }).finish()
    const mark = kit.replies.length
    await kit.pollOnce()
    const shown = [
      ...texts(kit.replies.slice(mark)),
      ...texts(await kit.slash("info alice-web", { userId: "U-ALICE" })),
      ...texts(await kit.slash("deployments alice-web", { userId: "U-ALICE" }))
    ].join("\n")
    expect(shown).toContain("build error")
    expect(shown).not.toMatch(/build-error|timeout-error|crashed-error|hook-error/)
  })

  it("the audit trail writes a failure's kind as words, not its internal tag", async () => {
    kit.sim.faults.add({ host: "osc-fr1", method: "POST", path: /\/restart$/, status: 404, times: 1 })
    try {
      const asked = await kit.slash("restart alice-web", { userId: "U-ALICE" })
      const confirm = messageOf(asked.at(-1)!.reply)!
        .blocks.flatMap((b) =>
          b.type === "actions" ? (b.elements as Array<{ action_id: string; value: string }>) : []
        )
        .find((e) => /confirm/i.test(e.action_id))!
      await kit.click(confirm.action_id, confirm.value, { person: alice })
      await kit.settle()
    } finally {
      kit.sim.faults.clear()
    }
    const audit = texts(await kit.slash("audit alice-web", { userId: "U-ALICE" })).join("\n")
    expect(audit).toContain("not found")
    expect(audit).not.toMatch(/NotFound|TokenRejected|ScalingoUnavailable|`[A-Z][a-z]+[A-Z]\w*`/)
  })
})
