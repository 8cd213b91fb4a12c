import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Message } from "../../src/blockKit/blocks.js"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import { type CommandKit, messageOf, type Recorded, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }

const pageButton = (message: Message, label: string) =>
  message.blocks
    .flatMap((b) =>
      b.type === "actions" ? (b.elements as Array<{ action_id: string; value: string; text: { text: string } }>) : []
    )
    .find((e) => e.text.text.includes(label))
const posts = (replies: ReadonlyArray<Recorded>) =>
  replies.filter((r): r is Recorded & { reply: Extract<Reply, { _tag: "Post" }> } => r.reply._tag === "Post")
const clickedFrom = (post: Extract<Reply, { _tag: "Post" }>, ts: string) => ({
  ts,
  text: post.message.text,
  blocks: post.message.blocks,
  ephemeral: false
})

describe("Previous never posts a copy of a page already in the thread (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  /** The listing's first page, then Next: the second page as posted in the thread. */
  const secondPage = async (command: string) => {
    const [, first] = posts(await kit.slash(command, { userId: "U-ALICE" }))
    const next = pageButton(first!.reply.message, "Next")!
    const afterNext = await kit.click(next.action_id, next.value, {
      person: alice,
      threadTs: first!.reply.threadTs,
      message: clickedFrom(first!.reply, "1700000000.900")
    })
    const [second] = posts(afterNext)
    expect(textOf(second!.reply.message)).toContain("Page 2 of")
    return second!.reply
  }

  for (const command of ["events forty-seven-events", "deployments alice-web"]) {
    it(`${command.split(" ")[0]}: Previous on page 2 posts nothing and points to page 1 above`, async () => {
      const second = await secondPage(command)
      const previous = pageButton(second.message, "Previous")!
      const requests = kit.sim.requests.length
      const shown = await kit.click(previous.action_id, previous.value, {
        person: alice,
        threadTs: second.threadTs,
        message: clickedFrom(second, "1700000000.901")
      })
      expect(posts(shown)).toEqual([])
      expect(shown.map((r) => r.reply._tag)).toEqual(["Private"])
      expect(textOf(messageOf(shown[0]!.reply)!)).toMatch(/Page 1 is already in this thread/)
      expect(kit.sim.requests.length).toBe(requests)
    })
  }
})
