import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CommandKit, messageOf, startCommandKit, textOf } from "../support/commandKit.js"

const exchanges = (kit: CommandKit) => kit.sim.requests.filter((r) => r.path === "/v1/tokens/exchange").length
const randomToken = (i: number) => `tk-us-${String(i).padStart(4, "0")}${"q".repeat(44)}`

describe("defect 10: login floods", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit({ loginLimits: { perPerson: 5, perWorkspace: 8 } })
  })
  afterAll(() => kit?.close())

  it("40 login attempts by one person send at most 5 token exchanges; the rest are told when to retry", async () => {
    const before = exchanges(kit)
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => kit.slash(`login ${randomToken(i)}`, { userId: "U-FLOOD" }))
    )
    expect(exchanges(kit) - before).toBeLessThanOrEqual(5)
    const texts = answers.map(([shown]) => textOf(messageOf(shown!.reply)!))
    expect(texts.filter((t) => t.includes("Try again in")).length).toBeGreaterThanOrEqual(35)
    for (const text of texts) expect(text).not.toContain("q".repeat(20))
  })

  it(
    "a workspace's many people are limited together, and a real token still links once the " + "window allows",
    async () => {
      const before = exchanges(kit)
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => kit.slash(`login ${randomToken(100 + i)}`, { userId: `U-MANY${i}` }))
      )
      // 5 were spent by the first test in this workspace's window; 8 in all.
      expect(exchanges(kit) - before).toBeLessThanOrEqual(3)
      const [refused] = await kit.slash(`login ${kit.sim.accounts.alice!.apiToken}`, { userId: "U-LATE" })
      expect(textOf(messageOf(refused!.reply)!)).toContain("This workspace is linking many accounts")
    }
  )

  it("tokens that prove good give their attempt back: people linking real accounts are never held up", async () => {
    const fresh = await startCommandKit({ loginLimits: { perPerson: 2, perWorkspace: 3 } })
    try {
      for (let i = 0; i < 10; i++) {
        const [linked] = await fresh.slash(`login ${fresh.sim.accounts.bob!.apiToken}`, { userId: `U-REAL${i % 2}` })
        expect(textOf(messageOf(linked!.reply)!)).toContain("bob")
      }
    } finally {
      await fresh.close()
    }
  })
})
