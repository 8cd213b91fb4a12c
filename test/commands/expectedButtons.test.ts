import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Message } from "../../src/blockKit/blocks.js"
import { type CommandKit, messageOf, type Recorded, startCommandKit } from "../support/commandKit.js"

const nobody = { teamId: "T0001", userId: "U-NOBODY", userName: "nobody" }

const buttonsOf = (message: Message) =>
  message.blocks.flatMap((b) =>
    b.type === "actions"
      ? (b.elements as Array<{ action_id: string; value?: string; text: { text: string } }>).map((e) => ({
          actionId: e.action_id,
          value: e.value,
          text: e.text.text
        }))
      : []
  )
const lastMessage = (replies: ReadonlyArray<Recorded>) => messageOf(replies.at(-1)!.reply)!

describe("buttons where people expect them (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  it("an answer saying 'not linked' carries a Link button that opens the login form", async () => {
    for (const command of ["info alice-web", "apps", "whoami"]) {
      const link = buttonsOf(lastMessage(await kit.slash(command, { userId: "U-NOBODY" }))).find((b) =>
        b.text.startsWith("Link")
      )
      expect(link, command).toBeDefined()
      const [opened] = await kit.click(link!.actionId, link!.value ?? "", { person: nobody })
      expect(opened?.reply._tag).toBe("OpenModal")
      expect(JSON.stringify(opened?.reply)).toContain("tk-us-")
    }
  })

  it("a linked person's answers carry no Link button", async () => {
    const buttons = buttonsOf(lastMessage(await kit.slash("whoami", { userId: "U-ALICE" })))
    expect(buttons.filter((b) => b.text.startsWith("Link"))).toEqual([])
  })

  it("a crashed app's card puts Restart first; a running app's keeps reading first", async () => {
    const running = buttonsOf(lastMessage(await kit.slash("info alice-web", { userId: "U-ALICE" })))
    expect(running[0]?.text).toBe("Events")
    kit.sim.setAppStatus("alice", "osc-fr1", "alice-web", "crashed")
    try {
      const crashed = buttonsOf(lastMessage(await kit.slash("info alice-web", { userId: "U-ALICE" })))
      expect(crashed[0]).toMatchObject({ text: "Restart", value: "restart alice-web" })
      expect(crashed.filter((b) => b.text === "Restart")).toHaveLength(1)
    } finally {
      kit.sim.setAppStatus("alice", "osc-fr1", "alice-web", "running")
    }
  })
})
