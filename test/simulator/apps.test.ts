import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, regionUrl } from "./client.js"

let sim: Simulator
let alice: string
let bob: string
let osc: string
beforeAll(async () => {
  sim = await startSimulator()
  alice = await bearerFor(sim, "alice")
  bob = await bearerFor(sim, "bob")
  osc = regionUrl(sim, "osc-fr1")
})
afterAll(() => sim.close())

const create = (bearer: string, body: unknown, headers: Record<string, string> = {}, base = osc) =>
  call(base, "/v1/apps", bearer, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers
  })

const nameErrors = async (name: string): Promise<unknown> => {
  const response = await create(alice, { app: { name } })
  expect(response.status).toBe(422)
  return ((await response.json()) as { errors: { name: Array<string> } }).errors.name
}

describe("apps on a regional host", () => {
  it("lists only the account's apps in that region, with the real App fields", async () => {
    const response = await call(osc, "/v1/apps", bob)
    const { apps } = (await response.json()) as { apps: Array<Record<string, unknown>> }
    expect(apps.map((app) => app["name"]).sort()).toEqual(["bob-blog", "bob-shop"])
    const blog = apps.find((app) => app["name"] === "bob-blog")!
    expect(blog["id"]).toMatch(/^[0-9a-f]{24}$/)
    expect(blog).toMatchObject({
      region: "osc-fr1",
      git_url: "git@ssh.osc-fr1.scalingo.com:bob-blog.git",
      owner: { id: sim.accounts["bob"]!.id, username: "bob", email: "bob@example.com" },
      status: "running",
      last_deployed_by: "bob",
      force_https: false,
      flags: {}
    })
    for (const field of [
      "created_at",
      "updated_at",
      "url",
      "base_url",
      "last_deployed_at",
      "last_deployment_id",
      "stack_id",
      "sticky_session",
      "router_logs",
      "links",
      "project"
    ]) {
      expect(blog).toHaveProperty(field)
    }
  })

  it("keeps regions apart: alice's secnum apps are listed only on the secnum host", async () => {
    const response = await call(regionUrl(sim, "osc-secnum-fr1"), "/v1/apps", alice)
    const { apps } = (await response.json()) as { apps: Array<{ name: string; region: string }> }
    expect(apps.map((app) => app.name).sort()).toEqual(["alice-archive", "alice-secure"])
    expect(new Set(apps.map((app) => app.region))).toEqual(new Set(["osc-secnum-fr1"]))
  })

  it("shows one of the account's apps", async () => {
    const response = await call(osc, "/v1/apps/alice-web", alice)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { app: { name: string } }).app.name).toBe("alice-web")
  })

  it("answers 404 resource app for a missing app and for someone else's app alike", async () => {
    for (const path of ["/v1/apps/no-such-app", "/v1/apps/alice-web", "/v1/apps/alice-web/events"]) {
      const response = await call(osc, path, bob)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ resource: "app", error: "not found" })
    }
  })
})

describe("creating an app", () => {
  it("answers 201 with the new App, which is then listed and shown with status new", async () => {
    const response = await create(bob, { app: { name: "bob-new-service" } })
    expect(response.status).toBe(201)
    const { app } = (await response.json()) as { app: Record<string, unknown> }
    expect(app).toMatchObject({ name: "bob-new-service", region: "osc-fr1", status: "new", last_deployed_at: null })
    expect(sim.appsOf("bob", "osc-fr1").map(({ name }) => name)).toContain("bob-new-service")
    expect((await call(osc, "/v1/apps/bob-new-service", bob)).status).toBe(200)
    const events = await call(osc, "/v1/apps/bob-new-service/events", bob)
    expect(((await events.json()) as { events: Array<{ type: string }> }).events.map((event) => event.type)).toEqual([
      "new_app"
    ])
  })

  it("rejects names shorter than 6 or longer than 48 characters", async () => {
    expect(await nameErrors("short")).toEqual(["is too short (minimum is 6 characters)"])
    expect(await nameErrors("a".repeat(49))).toEqual(["is too long (maximum is 48 characters)"])
    expect((await create(alice, { app: { name: "a".repeat(48) } }, { "x-dry-run": "true" })).status).toBe(201)
  })

  it("rejects characters other than lowercase letters, digits and hyphens with Scalingo's wording", async () => {
    expect(await nameErrors("AnotherApp")).toEqual(["should contain only lowercap letters, digits and hyphens"])
    expect(await nameErrors("my_app_1")).toEqual(["should contain only lowercap letters, digits and hyphens"])
  })

  it("rejects a hyphen at either end and two hyphens in a row", async () => {
    expect(await nameErrors("-leading")).toEqual(["can't have an hyphen at the beginning or at the end"])
    expect(await nameErrors("trailing-")).toEqual(["can't have an hyphen at the beginning or at the end"])
    expect(await nameErrors("double--hyphen")).toEqual(["can't have two hyphens in a row"])
  })

  it("rejects a name already taken in that region, even by another account", async () => {
    expect(await nameErrors("bob-blog")).toEqual(["has already been taken"])
    expect(await nameErrors("alice-web")).toEqual(["has already been taken"])
  })

  it("accepts in one region a name taken in the other", async () => {
    const response = await create(alice, { app: { name: "alice-secure" } }, { "x-dry-run": "true" })
    expect(response.status).toBe(201)
  })

  it("answers 422 app missing field when the body has no app", async () => {
    const response = await create(alice, {})
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ errors: { app: ["missing field"] } })
  })

  it("answers 400 to a body that is not JSON", async () => {
    const response = await create(alice, '{"app": {')
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: string }
    expect(error.startsWith("There was a problem in the JSON you submitted: ")).toBe(true)
  })

  it("answers 402 with the billing link to an account whose billing is not verified", async () => {
    const response = await create(await bearerFor(sim, "carol"), { app: { name: "carol-first-app" } })
    expect(response.status).toBe(402)
    expect(await response.json()).toEqual({
      error: "Sorry, you need to verify your account (billing profile and payment card) to create a new app",
      url: "https://my.scalingo.com/apps/billing"
    })
    expect(sim.appsOf("carol", "osc-fr1")).toEqual([])
  })

  it("answers 403 region_disabled where app creation was disabled, other regions unaffected", async () => {
    const region = await startSimulator()
    try {
      region.disableAppCreation("osc-secnum-fr1")
      const bearer = await bearerFor(region, "alice")
      const response = await create(bearer, { app: { name: "secure-thing" } }, {}, regionUrl(region, "osc-secnum-fr1"))
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({
        error: "Resource creation is disabled on this region",
        code: "region_disabled"
      })
      expect((await create(bearer, { app: { name: "secure-thing" } }, {}, regionUrl(region, "osc-fr1"))).status).toBe(
        201
      )
    } finally {
      await region.close()
    }
  })

  it("with X-Dry-Run: true validates and answers like a create but persists nothing", async () => {
    const valid = await create(alice, { app: { name: "dry-run-app" } }, { "X-Dry-Run": "true" })
    expect(valid.status).toBe(201)
    expect(((await valid.json()) as { app: { name: string } }).app.name).toBe("dry-run-app")
    expect(sim.appsOf("alice", "osc-fr1").map(({ name }) => name)).not.toContain("dry-run-app")
    expect((await call(osc, "/v1/apps/dry-run-app", alice)).status).toBe(404)
    expect((await create(alice, { app: { name: "Dry Run" } }, { "X-Dry-Run": "true" })).status).toBe(422)
    expect((await create(alice, { app: { name: "dry-run-app" } })).status).toBe(201)
  })
})
