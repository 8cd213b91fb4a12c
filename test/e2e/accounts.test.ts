import { readFileSync, readdirSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { commandReply, openedView, readable, startWorld, type World } from "../support/world.js"

/**
 * Login by modal and inline, whoami in each state, logout; through signed requests, the fake Slack and the
 * simulator.
 */
describe("linking a Scalingo account", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(async () => {
    await world?.close()
  })

  const openLoginModal = async (userId: string) => {
    return openedView(world, "login", async () => expect((await world.command("login", { userId })).status).toBe(200))
  }

  it("whoami before linking says how to link", async () => {
    const { text } = await commandReply(world, "whoami", { userId: "U-WHO" })
    expect(text).toContain("/scalingo login")
  })

  it("links by modal: the token is checked with Scalingo and the person is told which account", async () => {
    const view = await openLoginModal("U-MODAL")
    expect(readable(view)).toContain("dashboard.scalingo.com/account/tokens")
    const reply = await world.submit({
      view,
      userId: "U-MODAL",
      values: { token: { token: { type: "plain_text_input", value: world.sim.accounts.alice!.apiToken } } }
    })
    expect(reply.status).toBe(200)
    expect(JSON.stringify(reply.body)).toContain("alice")
    const whoami = await commandReply(world, "whoami", { userId: "U-MODAL" })
    expect(whoami.text).toContain("alice")
    expect(whoami.text).toContain("alice@example.com")
  })

  it("links inline with login <token>, privately", async () => {
    const { text, body } = await commandReply(world, `login ${world.sim.accounts.bob!.apiToken}`, {
      userId: "U-INLINE"
    })
    expect(text).toContain("bob")
    expect((body as { response_type?: string }).response_type).toBe("ephemeral")
    expect((await commandReply(world, "whoami", { userId: "U-INLINE" })).text).toContain("bob@example.com")
  })

  it("a malformed token gets a clear answer inline and stores nothing", async () => {
    const view = await openLoginModal("U-BAD")
    const before = world.sim.requests.length
    const reply = await world.submit({
      view,
      userId: "U-BAD",
      values: { token: { token: { type: "plain_text_input", value: "not a token" } } }
    })
    expect(reply.body).toMatchObject({
      response_action: "errors",
      errors: { token: expect.stringContaining("tk-us-") }
    })
    expect(world.sim.requests.length).toBe(before)
    const inline = await commandReply(world, "login hunter2", { userId: "U-BAD" })
    expect(inline.text).toContain("does not look like a Scalingo API token")
    expect((await commandReply(world, "whoami", { userId: "U-BAD" })).text).toContain("not linked")
  })

  it("a token Scalingo rejects gets a clear answer and stores nothing", async () => {
    const rejected = `tk-us-${"R".repeat(48)}`
    const view = await openLoginModal("U-REJ")
    const reply = await world.submit({
      view,
      userId: "U-REJ",
      values: { token: { token: { type: "plain_text_input", value: rejected } } }
    })
    expect(reply.body).toMatchObject({
      response_action: "errors",
      errors: { token: expect.stringContaining("rejected") }
    })
    const inline = await commandReply(world, `login ${rejected}`, { userId: "U-REJ" })
    expect(inline.text).toContain("rejected")
    expect((await commandReply(world, "whoami", { userId: "U-REJ" })).text).toContain("not linked")
  })

  it("logout forgets the link, and whoami reflects it", async () => {
    await commandReply(world, `login ${world.sim.accounts.alice!.apiToken}`, { userId: "U-OUT" })
    expect((await commandReply(world, "whoami", { userId: "U-OUT" })).text).toContain("alice")
    expect((await commandReply(world, "logout", { userId: "U-OUT" })).text).toContain("forgotten")
    expect((await commandReply(world, "whoami", { userId: "U-OUT" })).text).toContain("not linked")
  })

  it("a stored token Scalingo later rejects marks the link dead and tells the person to relink", async () => {
    const carol = world.sim.createAccount({ username: "dora", regions: ["osc-fr1"] })
    await commandReply(world, `login ${carol.apiToken}`, { userId: "U-DEAD" })
    world.sim.revokeToken(carol.apiToken)
    world.sim.expireBearers()
    const apps = await commandReply(world, "apps", { userId: "U-DEAD" })
    expect(apps.text).toContain("login")
    expect(apps.text).toContain("no longer accepts")
    const whoami = await commandReply(world, "whoami", { userId: "U-DEAD" })
    expect(whoami.text).toContain("no longer accepts")
    const before = world.sim.requests.length
    await commandReply(world, "apps", { userId: "U-DEAD" })
    expect(world.sim.requests.length).toBe(before) // the bot stops using a dead link
  })

  it("a command needing an account, from a person without one, points privately to login", async () => {
    const { text, body } = await commandReply(world, "apps", { userId: "U-NOBODY" })
    expect(text).toContain("/scalingo login")
    expect((body as { response_type?: string }).response_type).toBe("ephemeral")
  })

  it("the SQLite database holds no API token in plain text, and the logs hold neither token nor bearer", async () => {
    const files = readdirSync(world.dataDir).map((f) => path.join(world.dataDir, f))
    const stored = files.map((f) => readFileSync(f).toString("latin1")).join("\n")
    const logs = world.bot.output.join("\n")
    const secrets = [...Object.values(world.sim.accounts).map((a) => a.apiToken), ...world.sim.issuedBearers()]
    expect(secrets.length).toBeGreaterThan(3)
    for (const secret of secrets) {
      expect(stored.includes(secret)).toBe(false)
      expect(logs.includes(secret)).toBe(false)
    }
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/) // no JWT of any kind
  })
})
