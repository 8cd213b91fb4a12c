import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Message } from "../../src/blockKit/blocks.js"
import { actionName } from "../../src/blockKit/uniqueIds.js"
import { type CommandKit, messageOf, startCommandKit, textOf } from "../support/commandKit.js"

const buttons = (message: Message, actionId: string) =>
  message.blocks.flatMap((b) =>
    b.type === "actions"
      ? (b.elements as Array<{ action_id?: string; value?: string; text?: { text: string } }>).filter(
          (e) => actionName(e.action_id ?? "") === actionId
        )
      : []
  )

describe("apps (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.link("U-BOB", "bob")
  })
  afterAll(() => kit?.close())

  it("lists the person's apps in both regions, crashed first, privately, with one request per region", async () => {
    const mark = kit.sim.requests.length
    const [shown] = await kit.slash("apps", { userId: "U-ALICE" })
    expect(shown?.reply._tag).toBe("Private")
    const text = textOf(messageOf(shown!.reply)!)
    expect(text).toContain("alice-secure")
    expect(text.indexOf("alice-worker")).toBeLessThan(text.indexOf("alice-web"))
    expect(text).not.toContain("bob-blog")
    expect(kit.sim.requests.slice(mark).filter((r) => r.path === "/v1/apps")).toHaveLength(2)
  })

  it("an answer slower than ~1.5 s is preceded by a private 'working on it', which the answer replaces", async () => {
    kit.sim.faults.add({ path: "/v1/apps", latencyMs: 1_800, times: 2 })
    try {
      const shown = await kit.slash("apps", { userId: "U-ALICE" })
      expect(shown.map((r) => r.reply._tag)).toEqual(["Private", "Private"])
      expect(textOf(messageOf(shown[0]!.reply)!)).toContain("Working on it")
      expect(shown[1]!.reply).toMatchObject({ replace: true })
      expect(textOf(messageOf(shown[1]!.reply)!)).toContain("alice-web")
    } finally {
      kit.sim.faults.clear()
    }
  })

  it("a quick answer comes alone", async () => {
    const shown = await kit.slash("apps", { userId: "U-ALICE" })
    expect(shown).toHaveLength(1)
  })

  it("someone without a linked account is told to link, and nothing is asked of Scalingo", async () => {
    const mark = kit.sim.requests.length
    const [shown] = await kit.slash("apps", { userId: "U-NOBODY" })
    expect(textOf(messageOf(shown!.reply)!)).toContain("/scalingo login")
    expect(kit.sim.requests.length).toBe(mark)
  })

  it("past 40 apps, pages with Previous/Next buttons replace the answer", async () => {
    kit.sim.createAccount({ username: "many", regions: ["osc-fr1"] })
    for (let i = 0; i < 45; i++) kit.sim.addApp("many", "osc-fr1", { name: `many-app-${String(i).padStart(2, "0")}` })
    await kit.link("U-MANY", "many")
    const [first] = await kit.slash("apps", { userId: "U-MANY" })
    const next = buttons(messageOf(first!.reply)!, "apps_page").find((b) => b.text?.text.startsWith("Next"))
    expect(next?.value).toBe("2")
    const [second] = await kit.click("apps_page", next!.value!, {
      person: { teamId: "T0001", userId: "U-MANY", userName: "many" }
    })
    expect(second?.reply).toMatchObject({ _tag: "Private", replace: true })
    expect(textOf(messageOf(second!.reply)!)).toContain("many-app-44")
  })

  it("a forged page value is a stale button, answered without asking Scalingo", async () => {
    const mark = kit.sim.requests.length
    for (const value of ["0", "-1", "1e9", "abc", '{"p":2}', ""]) {
      const [shown] = await kit.click("apps_page", value, {
        person: { teamId: "T0001", userId: "U-ALICE", userName: "a" }
      })
      expect(textOf(messageOf(shown!.reply)!)).toContain("no longer valid")
    }
    expect(kit.sim.requests.length).toBe(mark)
  })
})
