import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, jsonOf, regionUrl } from "./client.js"

let sim: Simulator
let erin: string
let bob: string
let osc: string
beforeAll(async () => {
  sim = await startSimulator({ operationDurationMs: 50, requestsPerMinute: 100_000 })
  erin = await bearerFor(sim, "erin")
  bob = await bearerFor(sim, "bob")
  osc = regionUrl(sim, "osc-fr1")
})
afterAll(() => sim.close())

const post = (path: string, bearer: string, body: unknown) =>
  call(osc, path, bearer, { method: "POST", body: JSON.stringify(body) })

const FORBIDDEN = { error: "You do not have the permission to do this action: limited collaborators cannot do it" }

describe("apps shared with another account", () => {
  it("lists the apps shared with erin, with their real owner", async () => {
    const { apps } = await jsonOf<{ apps: Array<{ name: string; owner: { username: string } }> }>(
      await call(osc, "/v1/apps", erin)
    )
    expect(apps.map((app) => [app.name, app.owner.username]).sort()).toEqual([
      ["alice-web", "alice"],
      ["bob-blog", "bob"]
    ])
    expect(sim.appsOf("erin", "osc-fr1")).toEqual([])
  })

  it("lets a limited collaborator read the app, its events, deployments, logs, and restart it", async () => {
    for (const path of ["", "/events", "/deployments", "/containers", "/ps", "/logs", "/autoscalers", "/notifiers"]) {
      expect((await call(osc, `/v1/apps/alice-web${path}`, erin)).status, path).toBe(200)
    }
    expect((await post("/v1/apps/alice-web/restart", erin, { scope: ["web"] })).status).toBe(202)
  })

  it("answers 403 to a limited collaborator's scale and notifier changes, changing nothing", async () => {
    const before = sim.appState("alice", "osc-fr1", "alice-web").formation
    const scale = await post("/v1/apps/alice-web/scale", erin, { containers: [{ name: "web", amount: 3 }] })
    expect(scale.status).toBe(403)
    expect(await scale.json()).toEqual(FORBIDDEN)
    expect(sim.appState("alice", "osc-fr1", "alice-web").formation).toEqual(before)
    const notifier = await post("/v1/apps/alice-web/notifiers", erin, {
      notifier: {
        platform_id: "5982f145d48c3600273ef08a",
        name: "mine",
        type_data: { webhook_url: "http://127.0.0.1:9/x" }
      }
    })
    expect(notifier.status).toBe(403)
    expect(sim.notifiersOf("alice", "osc-fr1", "alice-web")).toEqual([])
  })

  it("hides build logs older than 7 days from a limited collaborator only", async () => {
    const { deployments } = await jsonOf<{ deployments: Array<{ id: string; created_at: string }> }>(
      await call(osc, "/v1/apps/alice-web/deployments?per_page=100", erin)
    )
    const old = deployments.find((d) => Date.now() - Date.parse(d.created_at) > 8 * 86_400_000)!
    const recent = deployments[0]!
    const output = (id: string, bearer: string) => call(osc, `/v1/apps/alice-web/deployments/${id}/output`, bearer)
    expect((await output(recent.id, erin)).status).toBe(200)
    const refused = await output(old.id, erin)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual(FORBIDDEN)
    expect((await output(old.id, await bearerFor(sim, "alice"))).status).toBe(200)
  })

  it("lets a full collaborator scale", async () => {
    const scale = await post("/v1/apps/bob-blog/scale", erin, { containers: [{ name: "web", amount: 2 }] })
    expect(scale.status).toBe(202)
  })

  it("404s an app to an account it is not shared with, exactly as a missing one", async () => {
    for (const path of ["/v1/apps/alice-web", "/v1/apps/alice-web/deployments", "/v1/apps/alice-web/logs"]) {
      const response = await call(osc, path, bob)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ resource: "app", error: "not found" })
    }
  })

  it("takes access away on unshare", async () => {
    sim.shareApp("bob", "osc-fr1", "bob-shop", "erin", "collaborator")
    expect((await call(osc, "/v1/apps/bob-shop", erin)).status).toBe(200)
    sim.unshareApp("bob", "osc-fr1", "bob-shop", "erin")
    expect((await call(osc, "/v1/apps/bob-shop", erin)).status).toBe(404)
    expect(sim.appState("bob", "osc-fr1", "bob-shop").collaborators).toEqual({})
  })
})

describe("deleting an app", () => {
  it("answers 404 to everything about it afterwards, for the owner and collaborators alike", async () => {
    sim.addApp("bob", "osc-fr1", { name: "bob-doomed", lastDeployedAt: new Date().toISOString() })
    sim.shareApp("bob", "osc-fr1", "bob-doomed", "erin", "collaborator")
    const running = await post("/v1/apps/bob-doomed/restart", bob, {})
    expect(running.status).toBe(202)
    sim.deleteApp("bob", "osc-fr1", "bob-doomed")
    for (const bearer of [bob, erin]) {
      expect((await call(osc, "/v1/apps/bob-doomed", bearer)).status).toBe(404)
      expect(
        (await fetch(running.headers.get("location")!, { headers: { authorization: `Bearer ${bearer}` } })).status
      ).toBe(404)
    }
    expect(sim.appsOf("bob", "osc-fr1").map((app) => app.name)).not.toContain("bob-doomed")
    expect(() => sim.appState("bob", "osc-fr1", "bob-doomed")).toThrow(/no app "bob-doomed"/)
  })
})
