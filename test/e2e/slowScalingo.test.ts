import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { commandReply, openedView, readable, startWorld, type World } from "../support/world.js"

/**
 * Slack's 3-second deadline as behaviour: Bolt answers 404 to anything not acknowledged in time,
 * so a 200 with the expected body proves the deadline was met while Scalingo took 4 seconds.
 */
describe("with Scalingo answering in 4 seconds", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
    world.sim.faults.add({ host: "auth", latencyMs: 4_000 })
  })
  afterAll(async () => {
    await world?.close()
  })

  it("the slash command is still acknowledged and the inline login still completes", async () => {
    const { ack, text } = await commandReply(world, `login ${world.sim.accounts.alice!.apiToken}`, {
      userId: "U-SLOW-1"
    })
    expect(ack.status).toBe(200)
    expect(text).toContain("alice")
  })

  it("the login modal shows a checking state at once, then the linked account", async () => {
    const view = await openedView(world, "login", () => world.command("login", { userId: "U-SLOW-2" }))
    const reply = await world.submit({
      view,
      userId: "U-SLOW-2",
      values: { token: { token: { type: "plain_text_input", value: world.sim.accounts.bob!.apiToken } } }
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ response_action: "update" })
    expect(readable((reply.body as { view: unknown }).view)).toContain("Checking")
    const updated = await world.slack.waitForCall("views.update", (c) => c.params.view_id === view.id, {
      timeoutMs: 20_000
    })
    expect(readable(updated.params.view)).toContain("bob")
    expect((await commandReply(world, "whoami", { userId: "U-SLOW-2" })).text).toContain("bob@example.com")
  })
})
