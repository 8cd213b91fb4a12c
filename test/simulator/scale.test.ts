import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, eventually, jsonOf, regionUrl } from "./client.js"

let sim: Simulator
let alice: string
let osc: string
let count = 0
beforeAll(async () => {
  sim = await startSimulator({ operationDurationMs: 120, requestsPerMinute: 100_000 })
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterAll(() => sim.close())

const freshApp = (owner = "alice"): string => {
  const name = `scale-app-${++count}`
  sim.addApp(owner, "osc-fr1", {
    name,
    lastDeployedAt: new Date().toISOString(),
    formation: [
      { name: "web", amount: 2 },
      { name: "worker", amount: 1, size: "S" }
    ]
  })
  return name
}

const scale = (app: string, containers: unknown, bearer = alice) =>
  call(osc, `/v1/apps/${app}/scale`, bearer, { method: "POST", body: JSON.stringify({ containers }) })

interface Formation {
  containers: Array<{ id: string; name: string; amount: number; size: string }>
}
const shape = (formation: Formation) => formation.containers.map(({ name, amount, size }) => [name, amount, size])

const settled = (app: string) =>
  eventually(() => {
    const state = sim.appState("alice", "osc-fr1", app)
    return state.status === "scaling" ? undefined : state
  })

describe("scale", () => {
  it("answers 202 with the whole formation and an operation Location, scaling until it is done", async () => {
    const app = freshApp()
    const response = await scale(app, [{ name: "web", amount: 3, size: "L" }])
    expect(response.status).toBe(202)
    const location = response.headers.get("location")!
    expect(location).toMatch(new RegExp(`^${osc}/v1/apps/${app}/operations/[0-9a-f]{24}$`))
    const body = await jsonOf<Formation>(response, 202)
    expect(shape(body)).toEqual([
      ["web", 3, "L"],
      ["worker", 1, "S"]
    ])
    expect(body.containers.every((type) => /^[0-9a-f]{24}$/.test(type.id))).toBe(true)
    expect(sim.appState("alice", "osc-fr1", app).status).toBe("scaling")
    const state = await settled(app)
    expect(state.status).toBe("running")
    expect(state.containers).toEqual(["web-1", "web-2", "web-3", "worker-1"])
    const operation = await jsonOf<{ operation: { type: string; status: string } }>(
      await fetch(location, { headers: { authorization: `Bearer ${alice}` } })
    )
    expect(operation.operation).toMatchObject({ type: "scale", status: "done" })
    expect(shape(await jsonOf<Formation>(await call(osc, `/v1/apps/${app}/containers`, alice)))).toEqual([
      ["web", 3, "L"],
      ["worker", 1, "S"]
    ])
  })

  it("appends a scale event with GO's amount:size strings when done", async () => {
    const app = freshApp()
    await scale(app, [{ name: "worker", amount: 0 }])
    await settled(app)
    const { events } = await jsonOf<{ events: Array<Record<string, unknown>> }>(
      await call(osc, `/v1/apps/${app}/events`, alice)
    )
    expect(events[0]).toMatchObject({
      type: "scale",
      user: { username: "alice" },
      type_data: { previous_containers: { web: "2:M", worker: "1:S" }, containers: { web: "2:M", worker: "0:S" } }
    })
  })

  it("stops the app when every type goes to zero, and runs it again when scaled back", async () => {
    const app = freshApp()
    await scale(app, [
      { name: "web", amount: 0 },
      { name: "worker", amount: 0 }
    ])
    expect((await settled(app)).status).toBe("stopped")
    expect(await jsonOf(await call(osc, `/v1/apps/${app}/ps`, alice))).toEqual({ containers: [] })
    await scale(app, [{ name: "web", amount: 1 }])
    expect((await settled(app)).status).toBe("running")
  })

  it("refuses an unknown type, a bad size, a negative amount in one 422 keyed per container", async () => {
    const app = freshApp()
    const response = await scale(app, [
      { name: "clock", amount: 1 },
      { name: "web", amount: -1 },
      { name: "worker", amount: 1, size: "XXL" }
    ])
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      errors: {
        "container-clock-name": ["'clock' is not a container type of this app (see its Procfile)"],
        "container-web-amount": ["must be an integer greater than or equal to 0"],
        "container-worker-size": ["'XXL' is not a valid container size (S, M, L, XL, 2XL, 3XL)"]
      }
    })
    expect(sim.appState("alice", "osc-fr1", app).status).toBe("running")
  })

  it("answers over 10 containers of a type as the live API was seen to (message in a nested array)", async () => {
    const response = await scale(freshApp(), [{ name: "web", amount: 11, size: "M" }])
    expect(response.status).toBe(422)
    expect(await response.text()).toBe(
      JSON.stringify({
        errors: {
          "container-web-amount": [
            ["can't scale over 10 containers, contact us at support@scalingo.com if you need more"]
          ]
        }
      })
    )
    expect((await scale(freshApp(), [{ name: "web", amount: 10 }])).status).toBe(202)
  })

  it("answers 422 missing field without containers and 400 to broken JSON", async () => {
    const app = freshApp()
    const missing = await call(osc, `/v1/apps/${app}/scale`, alice, { method: "POST", body: "{}" })
    expect(missing.status).toBe(422)
    expect(await missing.json()).toEqual({ errors: { containers: ["missing field"] } })
    const broken = await call(osc, `/v1/apps/${app}/scale`, alice, { method: "POST", body: "{" })
    expect(broken.status).toBe(400)
  })

  it("disables the autoscaler of a type scaled by hand, and only that one", async () => {
    const app = freshApp()
    sim.addAutoscaler("alice", "osc-fr1", app, { containerType: "web", minContainers: 2, maxContainers: 5 })
    sim.addAutoscaler("alice", "osc-fr1", app, { containerType: "worker", minContainers: 1, maxContainers: 3 })
    await scale(app, [{ name: "web", amount: 4 }])
    const { autoscalers } = await jsonOf<{ autoscalers: Array<{ container_type: string; disabled: boolean }> }>(
      await call(osc, `/v1/apps/${app}/autoscalers`, alice)
    )
    expect(autoscalers.map((a) => [a.container_type, a.disabled])).toEqual([
      ["web", true],
      ["worker", false]
    ])
  })

  it("answers 200 with no operation when an app with a formation is scaled before any deployment", async () => {
    const name = `scale-app-${++count}`
    sim.addApp("alice", "osc-fr1", { name, status: "new", formation: [{ name: "web", amount: 0 }] })
    const response = await scale(name, [{ name: "web", amount: 1 }])
    expect(response.status).toBe(200)
    expect(response.headers.get("location")).toBeNull()
    expect(shape(await jsonOf<Formation>(response))).toEqual([["web", 1, "M"]])
    expect(sim.operationsOf("alice", "osc-fr1", name)).toEqual([])
    expect((await scale("alice-fresh", [{ name: "web", amount: 1 }])).status).toBe(422)
  })

  it("answers 402 to an account without a payment method going past one S or M web container", async () => {
    const name = `scale-app-${++count}`
    sim.addApp("carol", "osc-fr1", { name, lastDeployedAt: new Date().toISOString() })
    const carol = await bearerFor(sim, "carol")
    const over = await scale(name, [{ name: "web", amount: 2 }], carol)
    expect(over.status).toBe(402)
    expect(await over.json()).toEqual({
      name: "free-trial-exceeded",
      error: "You can only have 1 small or medium 'web' container without having defined a payment method",
      url: "https://my.scalingo.com/apps/billing"
    })
    expect((await scale(name, [{ name: "web", amount: 1, size: "L" }], carol)).status).toBe(402)
    expect((await scale(name, [{ name: "web", amount: 1, size: "S" }], carol)).status).toBe(202)
  })
})
