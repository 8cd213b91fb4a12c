import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, eventually, jsonOf, regionUrl } from "./client.js"

let sim: Simulator
let alice: string
let osc: string
let count = 0
beforeAll(async () => {
  // Polling operations through the API would soon spend the default 60 a minute.
  sim = await startSimulator({ operationDurationMs: 150, requestsPerMinute: 100_000 })
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterAll(() => sim.close())

/** A fresh running app with 2 web and 1 worker, so tests do not share operations. */
const freshApp = (): string => {
  const name = `restart-app-${++count}`
  sim.addApp("alice", "osc-fr1", {
    name,
    lastDeployedAt: new Date().toISOString(),
    formation: [
      { name: "web", amount: 2 },
      { name: "worker", amount: 1, size: "S" }
    ]
  })
  return name
}

const restart = (app: string, body?: unknown) =>
  call(osc, `/v1/apps/${app}/restart`, alice, {
    method: "POST",
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) })
  })

interface Operation {
  operation: { id: string; status: string; type: string; error?: string; finished_at: string | null }
}
const operationAt = async (location: string) =>
  jsonOf<Operation>(await fetch(location, { headers: { authorization: `Bearer ${alice}` } }))
const psIds = async (app: string): Promise<Record<string, string>> => {
  const { containers } = await jsonOf<{ containers: Array<{ id: string; label: string }> }>(
    await call(osc, `/v1/apps/${app}/ps`, alice)
  )
  return Object.fromEntries(containers.map((c) => [c.label, c.id]))
}
const status = async (app: string) =>
  (await jsonOf<{ app: { status: string } }>(await call(osc, `/v1/apps/${app}`, alice))).app.status

describe("restart", () => {
  it("answers 202 with an empty body and the operation's URL on the same host in Location", async () => {
    const app = freshApp()
    const response = await restart(app, { scope: ["web"] })
    expect(response.status).toBe(202)
    expect(await response.text()).toBe("")
    expect(response.headers.get("content-type")).toBeNull()
    const location = response.headers.get("location")!
    expect(location).toMatch(new RegExp(`^${osc}/v1/apps/${app}/operations/[0-9a-f]{24}$`))
  })

  it("shows restarting while it runs; the operation goes pending, running, done; the app runs again", async () => {
    const app = freshApp()
    const before = await psIds(app)
    const location = (await restart(app, { scope: ["web"] })).headers.get("location")!
    expect(await status(app)).toBe("restarting")
    const seen = new Set<string>()
    await eventually(async () => {
      const { operation } = await operationAt(location)
      seen.add(operation.status)
      return operation.status === "done" ? operation : undefined
    })
    expect([...seen]).toEqual(["pending", "running", "done"])
    expect(await status(app)).toBe("running")
    const { operation } = await operationAt(location)
    expect(operation).toMatchObject({ type: "restart", status: "done" })
    expect(operation).not.toHaveProperty("error")
    expect(typeof operation.finished_at).toBe("string")
    // Only the scope restarted: new web containers, the same worker.
    const after = await psIds(app)
    expect(Object.keys(after)).toEqual(["web-1", "web-2", "worker-1"])
    expect(after["web-1"]).not.toBe(before["web-1"])
    expect(after["web-2"]).not.toBe(before["web-2"])
    expect(after["worker-1"]).toBe(before["worker-1"])
  })

  it("appends the restart event, by the person who asked, once it is done", async () => {
    const app = freshApp()
    await restart(app, { scope: ["web", "worker-1"] })
    const events = await eventually(async () => {
      const page = await jsonOf<{ events: Array<Record<string, unknown>> }>(
        await call(osc, `/v1/apps/${app}/events`, alice)
      )
      return page.events.some((e) => e["type"] === "restart") ? page.events : undefined
    })
    expect(events[0]).toMatchObject({
      type: "restart",
      app_name: app,
      user: { username: "alice" },
      type_data: { scope: ["web", "worker-1"], reason: "user_restart" }
    })
  })

  it("accepts every documented scope: absent, null, [], a type, a container, and JS's bare string", async () => {
    for (const body of [
      undefined,
      "",
      {},
      { scope: null },
      { scope: [] },
      { scope: ["worker"] },
      { scope: ["web-2"] },
      { scope: "web" }
    ]) {
      const app = freshApp()
      const response = await restart(app, body)
      expect(response.status, JSON.stringify(body)).toBe(202)
    }
  })

  it("records every type as the scope of a restart of everything", async () => {
    const app = freshApp()
    await restart(app, { scope: null })
    await eventually(() => (sim.appState("alice", "osc-fr1", app).status === "running" ? true : undefined))
    const page = await jsonOf<{ events: Array<{ type: string; type_data: { scope: Array<string> } }> }>(
      await call(osc, `/v1/apps/${app}/events`, alice)
    )
    expect(page.events.find((e) => e.type === "restart")?.type_data.scope).toEqual(["web", "worker"])
  })

  it("answers 404 container_type to a type or container the app does not run, and 400 to broken JSON", async () => {
    const app = freshApp()
    for (const scope of [["clock"], ["web-3"], ["worker", "nope"]]) {
      const response = await restart(app, { scope })
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ resource: "container_type", error: "not found" })
    }
    const broken = await restart(app, '{"scope": [')
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as { error: string }).error).toMatch(
      /^There was a problem in the JSON you submitted: /
    )
    expect(await status(app)).toBe("running")
  })

  it("refuses another restart or a scale while one runs, with a 422 whose errors is an array", async () => {
    const app = freshApp()
    sim.planNextOperation("alice", "osc-fr1", app, { never: true })
    expect((await restart(app)).status).toBe(202)
    for (const response of [
      await restart(app),
      await call(osc, `/v1/apps/${app}/scale`, alice, {
        method: "POST",
        body: JSON.stringify({ containers: [{ name: "web", amount: 3 }] })
      })
    ]) {
      expect(response.status).toBe(422)
      const { errors } = (await response.json()) as { errors: Array<string> }
      expect(errors).toEqual(["an operation is already in progress on this app (status: restarting)"])
    }
  })

  it("404s the restart of an app the account cannot reach", async () => {
    const response = await call(osc, "/v1/apps/bob-shop/restart", alice, { method: "POST", body: "{}" })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ resource: "app", error: "not found" })
  })
})

describe("operation plans", () => {
  it("ends the next operation in error with the given reason, the app back to running", async () => {
    const app = freshApp()
    sim.planNextOperation("alice", "osc-fr1", app, { error: "container web-1 failed to restart" })
    const location = (await restart(app)).headers.get("location")!
    const { operation } = await eventually(async () => {
      const shown = await operationAt(location)
      return shown.operation.status === "error" ? shown : undefined
    })
    expect(operation).toMatchObject({ status: "error", error: "container web-1 failed to restart", type: "restart" })
    expect(await status(app)).toBe("running")
    // One use only: the next restart is done.
    const next = (await restart(app)).headers.get("location")!
    await eventually(async () => ((await operationAt(next)).operation.status === "done" ? true : undefined))
  })

  it("never finishes an operation planned so, staying running with the app restarting", async () => {
    const app = freshApp()
    sim.planNextOperation("alice", "osc-fr1", app, { never: true, durationMs: 40 })
    const location = (await restart(app)).headers.get("location")!
    await eventually(async () => ((await operationAt(location)).operation.status === "running" ? true : undefined))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await operationAt(location)).operation).toMatchObject({ status: "running", finished_at: null })
    expect(await status(app)).toBe("restarting")
  })

  it("produces statuses Scalingo never documented, for fault tests", async () => {
    const app = freshApp()
    sim.planNextOperation("alice", "osc-fr1", app, {
      statuses: ["queued-ish"],
      finalStatus: "exploded",
      durationMs: 60
    })
    const location = (await restart(app)).headers.get("location")!
    expect((await operationAt(location)).operation.status).toBe("queued-ish")
    await eventually(async () => ((await operationAt(location)).operation.status === "exploded" ? true : undefined))
    expect(sim.operationsOf("alice", "osc-fr1", app).map((op) => [op.type, op.status, op.url])).toEqual([
      ["restart", "exploded", location]
    ])
  })

  it("takes a longer duration per operation or for all later ones", async () => {
    const app = freshApp()
    sim.planNextOperation("alice", "osc-fr1", app, { durationMs: 5_000 })
    const location = (await restart(app)).headers.get("location")!
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect((await operationAt(location)).operation.finished_at).toBeNull()
    const other = freshApp()
    sim.setOperationDuration(20)
    const quick = (await restart(other)).headers.get("location")!
    await eventually(async () => ((await operationAt(quick)).operation.status === "done" ? true : undefined))
    sim.setOperationDuration(150)
  })

  it("answers 404 operation to an unknown operation id", async () => {
    const response = await call(osc, "/v1/apps/alice-web/operations/0123456789abcdef01234567", alice)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ resource: "operation", error: "not found" })
  })
})
