import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, jsonOf, regionUrl } from "./client.js"

let sim: Simulator
let alice: string
let osc: string
beforeAll(async () => {
  sim = await startSimulator()
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterAll(() => sim.close())

type Page = { events: Array<Record<string, unknown>>; meta: { pagination: { total_count: number } } }
const page = async (path: string) => jsonOf<Page>(await call(osc, path, alice))

describe("events at run time", () => {
  it("puts an appended event on top of the app's and the owner's timelines, as the API shows it", async () => {
    const before = (await page("/v1/apps/alice-web/events")).meta.pagination.total_count
    const event = sim.appendEvent("alice", "osc-fr1", "alice-web", {
      type: "new_domain",
      type_data: { hostname: "www.example.com", ssl: false }
    })
    const app = await page("/v1/apps/alice-web/events")
    expect(app.meta.pagination.total_count).toBe(before + 1)
    expect(app.events[0]).toEqual(event)
    expect((await page("/v1/events")).events[0]).toEqual(event)
    const { app: shown } = await jsonOf<{ app: { id: string } }>(await call(osc, "/v1/apps/alice-web", alice))
    expect(event).toMatchObject({
      app_id: shown.id,
      app_name: "alice-web",
      type: "new_domain",
      user: { username: "alice", email: "alice@example.com", id: sim.accounts["alice"]!.id }
    })
    expect(String(event["id"])).toMatch(/^[0-9a-f]{24}$/)
    expect(Date.parse(String(event["created_at"]))).toBeGreaterThan(Date.now() - 60_000)
  })

  it("names another simulator user or a whole user object as the author", async () => {
    const byBob = sim.appendEvent("alice", "osc-fr1", "alice-web", { type: "run", user: "bob" })
    expect(byBob["user"]).toEqual({ username: "bob", email: "bob@example.com", id: sim.accounts["bob"]!.id })
    const operator = { username: "scalingo-platform", email: "deploy@scalingo.com", id: "us-operator" }
    expect(sim.appendEvent("alice", "osc-fr1", "alice-web", { type: "stop_app", user: operator })["user"]).toEqual(
      operator
    )
  })

  it("crashes an app: status crashed, a crash or repeated_crash event by the platform", async () => {
    const crash = sim.crashApp("bob", "osc-fr1", "bob-blog", { containerType: "web" })
    const bob = await bearerFor(sim, "bob")
    const { app } = await jsonOf<{ app: { status: string } }>(await call(osc, "/v1/apps/bob-blog", bob))
    expect(app.status).toBe("crashed")
    expect(crash).toMatchObject({ type: "crash", type_data: { container_type: "web" } })
    const typeData = crash["type_data"] as Record<string, string>
    expect(typeData["crash_logs"]).toMatch(/web-1/)
    expect(typeData["logs_url"]).toBe("https://dashboard.scalingo.com/apps/osc-fr1/bob-blog/logs")
    expect(sim.crashApp("bob", "osc-fr1", "bob-blog", { repeated: true })["type"]).toBe("repeated_crash")
    const timeline = await jsonOf<Page>(await call(osc, "/v1/apps/bob-blog/events", bob))
    expect(timeline.events.slice(0, 2).map((e) => e["type"])).toEqual(["repeated_crash", "crash"])
  })

  it("throws on an app the owner does not have, naming it", () => {
    expect(() => sim.appendEvent("bob", "osc-fr1", "alice-web", { type: "run" })).toThrow(
      'Simulator: bob has no app "alice-web" in osc-fr1'
    )
  })
})
