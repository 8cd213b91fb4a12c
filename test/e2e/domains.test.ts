import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectNothingRaw, expectWithinBlockKitLimits } from "../support/blockKit.js"
import { commandReply, linkAccounts, startWorld, type World } from "../support/world.js"

/** `/scalingo domains <app>` end to end: signed command, the simulator's domains, the private answer. */
describe("/scalingo domains", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
    await linkAccounts(world, { "U-ALICE": "alice" })
  })
  afterAll(async () => {
    await world?.close()
  })

  it("answers privately with each domain's TLS state and the expiry warning", async () => {
    world.sim.addDomain("alice", "osc-fr1", "alice-web", {
      name: "old.alice.example",
      certificateValidUntil: new Date(Date.now() - 3 * 86_400_000)
    })
    const { body, text } = await commandReply(world, "domains alice-web", { userId: "U-ALICE" })
    expect((body as { response_type: string }).response_type).toBe("ephemeral")
    expect(text).toContain("4 domains · 3 domains to act on")
    expect(text).toContain("certificate of old.alice.example has expired")
    expect(text).toContain("Let's Encrypt certificate, valid until")
    expectWithinBlockKitLimits(body as never)
    expectNothingRaw(text)
  })
})
