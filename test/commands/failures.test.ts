import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import type { Block, Message } from "../../src/blockKit/blocks.js"
import { type CommandKit, messageOf, type Recorded, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const bob = { teamId: "T0001", userId: "U-BOB", userName: "bob" }

const retryButtons = (message: Message) =>
  message.blocks.flatMap((b) =>
    b.type === "actions"
      ? (b.elements as Array<{ action_id: string; value?: string; text: { text: string } }>).filter(
          (e) => e.text.text === "Retry"
        )
      : []
  )
const lastMessage = (replies: ReadonlyArray<Recorded>) => messageOf(replies.at(-1)!.reply)!
/** The first thing a person reads: the first block's text. */
const firstText = (message: Message) => {
  const first = message.blocks[0] as Block & { text?: { text: string } }
  return first.text?.text ?? ""
}

describe("failures lead with the failure and offer a Retry (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.link("U-BOB", "bob")
  })
  afterEach(() => kit.sim.faults.clear())
  afterAll(() => kit?.close())

  it("apps with every region failing says so first, never an empty summary, and Retry lists them", async () => {
    kit.sim.faults.add({ path: "/v1/apps", status: 503 })
    const failed = lastMessage(await kit.slash("apps", { userId: "U-ALICE" }))
    expect(textOf(failed)).not.toMatch(/0 apps|0 regions/)
    expect(firstText(failed)).toMatch(/^:warning: Could not read your apps/)
    const [retry] = retryButtons(failed)
    expect(retry?.value).toBe("apps")
    kit.sim.faults.clear()
    const again = await kit.click(retry!.action_id, retry!.value!, { person: alice })
    expect(textOf(lastMessage(again))).toContain("alice-web")
  }, 30_000)

  it("apps with one region failing names it before the list, with a Retry", async () => {
    kit.sim.faults.add({ path: "/v1/apps", host: "osc-secnum-fr1", status: 503 })
    const partial = lastMessage(await kit.slash("apps", { userId: "U-ALICE" }))
    expect(firstText(partial)).toMatch(/Could not read/)
    expect(textOf(partial)).toContain("alice-web")
    expect(retryButtons(partial).map((b) => b.value)).toEqual(["apps"])
  }, 30_000)

  it("a command Scalingo could not answer offers Retry, which runs it again for whoever clicks", async () => {
    kit.sim.faults.add({ path: "/v1/apps/alice-web", status: 503 })
    const failed = lastMessage(await kit.slash("info alice-web", { userId: "U-ALICE" }))
    expect(textOf(failed)).toContain("Scalingo is having trouble")
    const [retry] = retryButtons(failed)
    expect(retry?.value).toBe("info alice-web")
    kit.sim.faults.clear()
    const again = await kit.click(retry!.action_id, retry!.value!, { person: alice })
    expect(textOf(lastMessage(again))).toContain("Formation")
    const bobs = await kit.click(retry!.action_id, retry!.value!, { person: bob })
    expect(textOf(lastMessage(bobs))).toMatch(/does not exist|cannot see/)
  }, 30_000)

  it("a failure that is not worth retrying as is (no linked account, a refusal) has no Retry", async () => {
    const notLinked = lastMessage(await kit.slash("info alice-web", { userId: "U-NOBODY" }))
    expect(retryButtons(notLinked)).toEqual([])
    const refused = lastMessage(await kit.slash("info alice-web", { userId: "U-BOB" }))
    expect(retryButtons(refused)).toEqual([])
  })

  it("login never carries its token into a Retry button", async () => {
    kit.sim.faults.add({ host: "auth", status: 503 })
    const replies = await kit.slash(`login ${kit.sim.accounts.alice!.apiToken}`, { userId: "U-CAROL" })
    expect(retryButtons(lastMessage(replies))).toEqual([])
    expect(JSON.stringify(replies)).not.toContain(kit.sim.accounts.alice!.apiToken)
  }, 30_000)

  it("a Retry button naming something unknown or a login is refused as stale", async () => {
    for (const value of ["login tk-us-forged", "nonsense words", ""]) {
      const shown = await kit.click("retry_command", value, { person: alice })
      expect(textOf(lastMessage(shown))).toContain("no longer valid")
    }
  })
})
