import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, eventually, jsonOf, regionUrl } from "./client.js"

let sim: Simulator
let alice: string
let osc: string
let count = 0
beforeAll(async () => {
  sim = await startSimulator({ deploymentStepMs: 30, requestsPerMinute: 100_000 })
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterAll(() => sim.close())

interface Deployment {
  id: string
  app_id: string
  status: string
  git_ref: string
  previous_git_ref: string | null
  created_at: string
  finished_at: string | null
  duration: number
  image_size: number
  type: string
  pusher: { id: string; email: string; username: string }
  links: { output: string }
}
interface DeploymentsPage {
  deployments: Array<Deployment>
  meta: { pagination: Record<string, number | null> }
}

const list = async (app: string, query = "") =>
  jsonOf<DeploymentsPage>(await call(osc, `/v1/apps/${app}/deployments${query}`, alice))
const appOf = async (app: string) =>
  (await jsonOf<{ app: Record<string, unknown> }>(await call(osc, `/v1/apps/${app}`, alice))).app

describe("seeded deployments", () => {
  it("pages alice-web's 24 deployments newest first, with events-style meta.pagination", async () => {
    const first = await list("alice-web", "?page=1&per_page=10")
    const last = await list("alice-web", "?page=3&per_page=10")
    expect(first.deployments).toHaveLength(10)
    expect(last.deployments).toHaveLength(4)
    expect(first.meta.pagination).toEqual({
      current_page: 1,
      prev_page: null,
      next_page: 2,
      total_pages: 3,
      total_count: 24
    })
    expect(last.meta.pagination).toMatchObject({ current_page: 3, prev_page: 2, next_page: null })
    const times = first.deployments.map((d) => Date.parse(d.created_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const statuses = new Set((await list("alice-web", "?per_page=100")).deployments.map((d) => d.status))
    expect(statuses).toEqual(new Set(["success", "build-error", "timeout-error", "aborted"]))
  })

  it("gives each deployment DOC's fields, its output link under the app id, and a previous_git_ref chain", async () => {
    const app = await appOf("alice-web")
    const [newest, older] = (await list("alice-web")).deployments
    expect(newest).toMatchObject({
      app_id: app["id"],
      status: "success",
      type: "deployment",
      image_size: 104_857_600,
      pusher: { username: "alice", email: "alice@example.com", id: sim.accounts["alice"]!.id }
    })
    expect(newest!.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(newest!.git_ref).toMatch(/^[0-9a-f]{40}$/)
    expect(newest!.previous_git_ref).toBe(older!.git_ref)
    expect(newest!.duration).toBeGreaterThan(0)
    expect(newest!.links.output).toBe(`${osc}/v1/apps/${app["id"]}/deployments/${newest!.id}/output`)
    expect(app["last_deployment_id"]).toBe(newest!.id)
    const shown = await jsonOf<{ deployment: Deployment }>(
      await call(osc, `/v1/apps/alice-web/deployments/${newest!.id}`, alice)
    )
    expect(shown.deployment).toEqual(newest)
  })

  it("keeps last_deployment_id on the last success when the newest push failed", async () => {
    const bob = await bearerFor(sim, "bob")
    const page = await jsonOf<DeploymentsPage>(await call(osc, "/v1/apps/bob-shop/deployments", bob))
    const app = (await jsonOf<{ app: Record<string, unknown> }>(await call(osc, "/v1/apps/bob-shop", bob))).app
    expect(page.deployments[0]!.status).toBe("crashed-error")
    expect(app["last_deployment_id"]).toBe(page.deployments.find((d) => d.status === "success")!.id)
  })

  it("serves the build log as text/plain, and 404s an unknown deployment", async () => {
    const [newest] = (await list("alice-web")).deployments
    const output = await fetch(newest!.links.output, { headers: { authorization: `Bearer ${alice}` } })
    expect(output.status).toBe(200)
    expect(output.headers.get("content-type")).toMatch(/^text\/plain/)
    const log = await output.text()
    expect(log).toContain("<-- Start deployment of alice-web -->")
    expect(log).toContain("https://alice-web.osc-fr1.scalingo.io")
    const missing = await call(osc, "/v1/apps/alice-web/deployments/00000000-0000-4000-8000-000000000000", alice)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ resource: "deployment", error: "not found" })
  })

  it("gives a never-deployed app an empty list", async () => {
    expect((await list("alice-fresh")).deployments).toEqual([])
  })
})

describe("a deployment a test starts", () => {
  const freshApp = (status = "running"): string => {
    const name = `deploy-app-${++count}`
    sim.addApp(
      "alice",
      "osc-fr1",
      status === "new" ? { name, status } : { name, lastDeployedAt: new Date(Date.now() - 86_400_000).toISOString() }
    )
    return name
  }

  it("steps queued, building, pushing, starting, success by hand, the build output growing", async () => {
    const app = freshApp()
    const handle = sim.startDeployment("alice", "osc-fr1", app, { stepMs: "manual", gitRef: "v2.0.0" })
    const outputOf = () => call(osc, `/v1/apps/${app}/deployments/${handle.id}/output`, alice)
    const shown = async () =>
      (await jsonOf<{ deployment: Deployment }>(await call(osc, `/v1/apps/${app}/deployments/${handle.id}`, alice)))
        .deployment
    expect(await shown()).toMatchObject({ status: "queued", finished_at: null, duration: 0, git_ref: "v2.0.0" })
    const lengths = [(await (await outputOf()).text()).length]
    expect(handle.step()).toBe("building")
    lengths.push((await (await outputOf()).text()).length)
    expect([handle.step(), handle.step(), handle.step()]).toEqual(["pushing", "starting", "success"])
    lengths.push((await (await outputOf()).text()).length)
    expect(lengths[1]).toBeGreaterThan(lengths[0]!)
    expect(lengths[2]).toBeGreaterThan(lengths[1]!)
    expect(handle.step()).toBe("success")
    expect((await shown()).finished_at).not.toBeNull()
  })

  it("answers 404 to the output of a deployment that printed nothing", async () => {
    const app = freshApp()
    const handle = sim.startDeployment("alice", "osc-fr1", app, { stepMs: "manual", silent: true })
    handle.finish()
    const shown = await call(osc, `/v1/apps/${app}/deployments/${handle.id}/output`, alice)
    expect(shown.status).toBe(404)
    expect(await shown.json()).toEqual({ resource: "output", error: "not found" })
    const unknown = await call(osc, `/v1/apps/${app}/deployments/${handle.id}x/output`, alice)
    expect(await unknown.json()).toEqual({ resource: "deployment", error: "not found" })
  })

  it("advances on its own every step, then appends the deployment event and updates the app", async () => {
    const app = freshApp()
    const handle = sim.startDeployment("alice", "osc-fr1", app, { gitRef: "0123456789abcdef0123456789abcdef01234567" })
    const event = await eventually(async () => {
      const { events } = await jsonOf<{ events: Array<Record<string, unknown>> }>(
        await call(osc, `/v1/apps/${app}/events`, alice)
      )
      return events.find((e) => e["type"] === "deployment")
    })
    expect(handle.status).toBe("success")
    expect(event).toMatchObject({
      app_name: app,
      user: { username: "alice" },
      type_data: {
        deployment_id: handle.id,
        deployment_uuid: handle.id,
        deployment_type: "deployment",
        pusher: "alice",
        git_ref: "0123456789abcdef0123456789abcdef01234567",
        status: "success",
        stack: "scalingo-22",
        last_commits: { commits: [], remaining: 0 }
      }
    })
    const typeData = event["type_data"] as Record<string, unknown>
    expect(typeof typeData["duration"]).toBe("number")
    expect(typeof typeData["finished_at"]).toBe("string")
    const shown = await appOf(app)
    const [deployment] = (await list(app)).deployments
    expect(shown).toMatchObject({
      last_deployment_id: handle.id,
      last_deployed_by: "alice",
      last_deployed_at: deployment!.created_at
    })
  })

  it.each([
    ["build-error", ["queued", "building", "build-error"]],
    ["aborted", ["queued", "building", "aborted"]],
    ["hook-error", ["queued", "building", "pushing", "hook-error"]],
    ["crashed-error", ["queued", "building", "pushing", "starting", "crashed-error"]],
    ["timeout-error", ["queued", "building", "pushing", "starting", "timeout-error"]]
  ] as const)("ends in %s after the right steps, keeping the last successful deployment", async (outcome, path) => {
    const app = freshApp()
    const before = (await appOf(app))["last_deployment_id"]
    const handle = sim.startDeployment("alice", "osc-fr1", app, { outcome, stepMs: "manual" })
    const seen = [handle.status]
    while (seen.length < 10 && seen.at(-1) !== handle.step()) seen.push(handle.status)
    expect(seen).toEqual(path)
    const shown = await appOf(app)
    expect(shown["last_deployment_id"]).toBe(before)
    expect(shown["last_deployed_by"]).toBe("alice")
    const { events } = await jsonOf<{ events: Array<{ type: string; type_data: { status: string } }> }>(
      await call(osc, `/v1/apps/${app}/events`, alice)
    )
    expect(events[0]).toMatchObject({ type: "deployment", type_data: { status: outcome } })
  })

  it("boots a never-deployed app into a running one with a web container", async () => {
    const app = freshApp("new")
    const handle = sim.startDeployment("alice", "osc-fr1", app, { stepMs: "manual" })
    expect(sim.appState("alice", "osc-fr1", app).status).toBe("booting")
    handle.finish()
    expect(sim.appState("alice", "osc-fr1", app)).toMatchObject({ status: "running", containers: ["web-1"] })
    const failed = freshApp("new")
    sim.startDeployment("alice", "osc-fr1", failed, { stepMs: "manual", outcome: "build-error" }).finish()
    expect(sim.appState("alice", "osc-fr1", failed)).toMatchObject({ status: "new", containers: [] })
  })
})
