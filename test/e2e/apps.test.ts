import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf, expectNothingRaw, expectWithinBlockKitLimits } from "../support/blockKit.js"
import { commandReply, linkAccounts, readable, startWorld, type World } from "../support/world.js"

/** `/scalingo apps` end to end: signed command, the simulator's two regions, the answer on the response_url. */
describe("/scalingo apps", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob" })
  })
  afterAll(async () => {
    await world?.close()
  })

  it("lists exactly the person's apps from both regions, with status and dashboard links, privately", async () => {
    const { body, text } = await commandReply(world, "apps", { userId: "U-ALICE" })
    expect((body as { response_type: string }).response_type).toBe("ephemeral")
    for (const region of ["osc-fr1", "osc-secnum-fr1"]) {
      for (const app of world.sim.appsOf("alice", region)) {
        expect(text).toContain(`https://dashboard.scalingo.com/apps/${region}/${app.name}`)
      }
    }
    for (const status of ["running", "crashed", "stopped"]) expect(text).toContain(status)
    expect(text).not.toContain("bob-blog")
    expect(text.indexOf("alice-worker")).toBeLessThan(text.indexOf("alice-web")) // crashed apps come first
    expectWithinBlockKitLimits(body as never)
    expectNothingRaw(text)
  })

  it("lists only osc-fr1 apps for an account that reaches only osc-fr1", async () => {
    const { text } = await commandReply(world, "apps", { userId: "U-BOB" })
    expect(text).toContain("bob-blog")
    expect(text).toContain("bob-shop")
    expect(text).not.toContain("osc-secnum-fr1")
    expect(text).not.toContain("alice")
  })

  it("300 apps produce valid messages within Block Kit limits, every app on exactly one page", async () => {
    const many = world.sim.createAccount({ username: "many", regions: ["osc-fr1", "osc-secnum-fr1"] })
    for (let i = 0; i < 300; i++) {
      world.sim.addApp("many", i % 3 === 0 ? "osc-secnum-fr1" : "osc-fr1", {
        name: `many-app-${String(i).padStart(3, "0")}`,
        status: i % 17 === 0 ? "crashed" : "running"
      })
    }
    await commandReply(world, `login ${many.apiToken}`, { userId: "U-MANY" })
    let reply = await commandReply(world, "apps", { userId: "U-MANY" })
    const seen: Array<string> = []
    for (let pages = 0; pages < 20; pages++) {
      expectWithinBlockKitLimits(reply.body as never)
      expect(reply.text).toContain("300 apps")
      seen.push(...[...reply.text.matchAll(/\|(many-app-\d{3})>/g)].map((m) => m[1]!))
      const next = buttonsOf(reply.body as never, "apps_page").find((b) => b.text.startsWith("Next"))
      if (next === undefined) break
      const responseUrl = world.slack.responseUrl()
      await world.click({
        actionId: "apps_page",
        value: next.value,
        userId: "U-MANY",
        responseUrl,
        container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000100", channel_id: "C0001" }
      })
      const replaced = await world.slack.waitFor(
        (r) => r.kind === "response" && r.id === responseUrl.split("/").pop(),
        { timeoutMs: 20_000 }
      )
      expect((replaced as { body: { replace_original?: boolean } }).body.replace_original).toBe(true)
      reply = {
        ...reply,
        body: (replaced as { body: unknown }).body,
        text: readable((replaced as { body: unknown }).body)
      }
    }
    expect(seen.length).toBe(300)
    expect(new Set(seen).size).toBe(300)
  })

  it("one region down still lists the other and names the region that could not be read", async () => {
    world.sim.faults.add({
      host: "osc-secnum-fr1",
      status: 503,
      body: JSON.stringify({ error: "upstream provider returned an error" })
    })
    try {
      const { text } = await commandReply(world, "apps", { userId: "U-ALICE" })
      expect(text).toContain("alice-web")
      expect(text).not.toContain("alice-secure")
      expect(text).toContain("Could not read")
      expect(text).toContain("osc-secnum-fr1")
      expectNothingRaw(text)
    } finally {
      world.sim.faults.clear()
    }
  })
})
