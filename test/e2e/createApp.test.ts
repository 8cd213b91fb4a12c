import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectNothingRaw, expectWithinBlockKitLimits } from "../support/blockKit.js"
import { linkAccounts, openedView, readable, startWorld, type World } from "../support/world.js"

const postsToApps = (world: World, since: number) =>
  world.sim.requests.filter((r) => r.at >= since && r.method === "POST" && r.path === "/v1/apps")

/** The create-app modal end to end. */
describe("/scalingo create", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob", "U-CAROL": "carol" })
  })
  afterAll(async () => {
    await world?.close()
  })

  const openForm = (userId: string, text = "create") =>
    openedView(world, "create_app", () => world.command(text, { userId }))
  const fill = (name: string, region: string) => ({
    name: { name: { type: "plain_text_input", value: name } },
    region: { region: { type: "static_select", selected_option: { value: region } } }
  })

  type SelectBlock = {
    block_id?: string
    element: { options: Array<{ value: string }>; initial_option: { value: string } }
  }

  it(
    "opens at once with the name prefilled, the naming rules as hint, and the account's " +
      "regions (default preselected)",
    async () => {
      const view = await openForm("U-ALICE", "create my-brand-new-app")
      const text = JSON.stringify(view)
      expect(text).toContain("my-brand-new-app")
      expect(text).toContain("lowercase letters")
      const select = (view.blocks as Array<SelectBlock>).find((b) => b.block_id === "region")!.element
      expect(select.options.map((o: { value: string }) => o.value).sort()).toEqual(["osc-fr1", "osc-secnum-fr1"])
      expect(select.initial_option.value).toBe("osc-fr1")
      const bobView = await openForm("U-BOB")
      const bobSelect = (bobView.blocks as Array<SelectBlock>).find((b) => b.block_id === "region")!.element
      expect(bobSelect.options.map((o: { value: string }) => o.value)).toEqual(["osc-fr1"])
    }
  )

  it("an invalid name is refused inline with no Scalingo call", async () => {
    const view = await openForm("U-ALICE")
    const since = Date.now()
    for (const name of ["Bad_Name", "abc", "-leading", "double--hyphen", "x".repeat(49)]) {
      const reply = await world.submit({ view, userId: "U-ALICE", values: fill(name, "osc-fr1") })
      expect(reply.body).toMatchObject({ response_action: "errors", errors: { name: expect.any(String) } })
    }
    expect(world.sim.requests.filter((r) => r.at >= since)).toEqual([])
  })

  it("a taken name shows Scalingo's reason inline on the name field", async () => {
    const view = await openForm("U-BOB")
    const reply = await world.submit({ view, userId: "U-BOB", values: fill("alice-web", "osc-fr1") })
    expect(reply.body).toMatchObject({ response_action: "errors", errors: { name: expect.stringContaining("taken") } })
  })

  it("402 replaces the modal with a friendly explanation and Scalingo's link", async () => {
    const view = await openForm("U-CAROL")
    const reply = await world.submit({ view, userId: "U-CAROL", values: fill("carols-first-app", "osc-fr1") })
    expect(reply.body).toMatchObject({ response_action: "update" })
    const text = readable((reply.body as { view: unknown }).view)
    expect(text).toContain("billing")
    expect(text).toContain("https://my.scalingo.com/apps/billing")
    expectNothingRaw(text)
  })

  it("a valid name creates exactly one app in the chosen region and announces it in the channel", async () => {
    const view = await openForm("U-ALICE")
    const since = Date.now()
    const reply = await world.submit({ view, userId: "U-ALICE", values: fill("alice-secnum-new", "osc-secnum-fr1") })
    expect(reply.status).toBe(200)
    const announced = await world.slack.waitForCall(
      "chat.postMessage",
      (c) => readable(c.params).includes("alice-secnum-new"),
      { timeoutMs: 15_000 }
    )
    expect(announced.params.channel).toBe("C0001")
    const text = readable(announced.params)
    expect(text).toContain("<@U-ALICE>")
    expect(text).toContain("osc-secnum-fr1")
    expect(text).toContain("git@ssh.osc-secnum-fr1.scalingo.com:alice-secnum-new.git")
    expect(JSON.stringify(announced.params.blocks)).toContain(
      "https://dashboard.scalingo.com/apps/osc-secnum-fr1/alice-secnum-new"
    )
    expectWithinBlockKitLimits(announced.params as never)
    expect(postsToApps(world, since)).toHaveLength(1)
    expect(world.sim.appsOf("alice", "osc-secnum-fr1").filter((a) => a.name === "alice-secnum-new")).toHaveLength(1)
    expect(world.sim.appsOf("alice", "osc-fr1").some((a) => a.name === "alice-secnum-new")).toBe(false)
  })

  it("submitting twice creates one app", async () => {
    const view = await openForm("U-ALICE")
    const since = Date.now()
    const values = fill("alice-twice", "osc-fr1")
    const replies = await Promise.all([
      world.submit({ view, userId: "U-ALICE", values }),
      world.submit({ view, userId: "U-ALICE", values })
    ])
    for (const r of replies) expect(r.status).toBe(200)
    await world.slack.waitForCall("chat.postMessage", (c) => readable(c.params).includes("alice-twice"), {
      timeoutMs: 15_000
    })
    const again = await world.submit({ view, userId: "U-ALICE", values })
    expect(again.status).toBe(200)
    expect(postsToApps(world, since)).toHaveLength(1)
    expect(world.sim.appsOf("alice", "osc-fr1").filter((a) => a.name === "alice-twice")).toHaveLength(1)
  })

  it(
    "with Scalingo taking 5 s the submission is still answered in time and the result still " + "reaches the person",
    async () => {
      world.sim.faults.add({ method: "POST", path: "/v1/apps", latencyMs: 5_000, times: 1 })
      const view = await openForm("U-ALICE")
      const reply = await world.submit({ view, userId: "U-ALICE", values: fill("alice-slow-one", "osc-fr1") })
      expect(reply.status).toBe(200) // Bolt answers 404 to anything not acknowledged within 3 s
      expect(reply.body).toMatchObject({ response_action: "update" })
      expect(readable((reply.body as { view: unknown }).view)).toContain("Creating")
      const updated = await world.slack.waitForCall("views.update", (c) => c.params.view_id === view.id, {
        timeoutMs: 20_000
      })
      expect(readable(updated.params.view)).toContain("alice-slow-one")
      await world.slack.waitForCall("chat.postMessage", (c) => readable(c.params).includes("alice-slow-one"), {
        timeoutMs: 20_000
      })
    }
  )

  it("a slow 422 puts the form back with what was typed and the problem under the name", async () => {
    world.sim.faults.add({ method: "POST", path: "/v1/apps", latencyMs: 3_000, times: 1 })
    const view = await openForm("U-BOB")
    const reply = await world.submit({ view, userId: "U-BOB", values: fill("alice-web", "osc-fr1") })
    expect(reply.body).toMatchObject({ response_action: "update" })
    const updated = await world.slack.waitForCall("views.update", (c) => c.params.view_id === view.id, {
      timeoutMs: 20_000
    })
    const form = JSON.stringify(updated.params.view)
    expect(form).toContain('"initial_value":"alice-web"')
    expect(form).toContain("taken")
  })

  it("403 region_disabled says to choose another region", async () => {
    world.sim.disableAppCreation("osc-secnum-fr1")
    const view = await openForm("U-ALICE")
    const reply = await world.submit({ view, userId: "U-ALICE", values: fill("alice-disabled", "osc-secnum-fr1") })
    expect(reply.body).toMatchObject({
      response_action: "errors",
      errors: { region: expect.stringContaining("another region") }
    })
  })
})
