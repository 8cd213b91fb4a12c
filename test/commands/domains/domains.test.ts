import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CommandKit, messageOf, startCommandKit, textOf } from "../../support/commandKit.js"

describe("domains (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.link("U-ERIN", "erin")
  })
  afterAll(() => kit?.close())

  it("shows the app's domains privately, canonical first, warning for the certificate about to end", async () => {
    const mark = kit.sim.requests.length
    const [shown] = await kit.slash("domains alice-web", { userId: "U-ALICE" })
    expect(shown?.reply._tag).toBe("Private")
    const text = textOf(messageOf(shown!.reply)!)
    expect(text.indexOf("www.alice.example")).toBeLessThan(text.indexOf("shop.alice.example"))
    expect(text).toMatch(/www\.alice\.example\* · canonical/)
    expect(text).toContain("Expires in 8 days") // seeded 9 days ahead, a little less now
    expect(text).toContain("_acme-challenge.status.alice.example")
    expect(kit.sim.requests.slice(mark).filter((r) => r.path === "/v1/apps/alice-web/domains")).toHaveLength(1)
  })

  it("a limited collaborator reads them too (a read)", async () => {
    const [shown] = await kit.slash("domains alice-web", { userId: "U-ERIN" })
    expect(textOf(messageOf(shown!.reply)!)).toContain("www.alice.example")
  })

  it("an app without custom domains says so", async () => {
    const [shown] = await kit.slash("domains alice-worker", { userId: "U-ALICE" })
    expect(textOf(messageOf(shown!.reply)!)).toContain("no custom domain")
  })

  it("an app the person cannot see gets the usual friendly answer, nothing raw", async () => {
    const [shown] = await kit.slash("domains bob-blog", { userId: "U-ALICE" })
    const text = textOf(messageOf(shown!.reply)!)
    expect(text).toContain("cannot see it")
    expect(text).not.toMatch(/\{|404|stack/i)
  })
})
