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

interface Formation {
  containers: Array<{ id: string; app_id: string; name: string; amount: number; size: string; command: string }>
}
interface Ps {
  containers: Array<Record<string, unknown> & { label: string; type: string; type_index: number }>
}

describe("formation and containers", () => {
  it("lists a seeded app's container types with amount and size", async () => {
    const { containers } = await jsonOf<Formation>(await call(osc, "/v1/apps/alice-web/containers", alice))
    expect(containers.map(({ name, amount, size }) => ({ name, amount, size }))).toEqual([
      { name: "web", amount: 2, size: "M" },
      { name: "worker", amount: 1, size: "S" }
    ])
    const { app } = await jsonOf<{ app: { id: string } }>(await call(osc, "/v1/apps/alice-web", alice))
    expect(new Set(containers.map((type) => type.app_id))).toEqual(new Set([app.id]))
    expect(containers.every((type) => /^[0-9a-f]{24}$/.test(type.id))).toBe(true)
  })

  it("gives a never-deployed app no formation and no containers", async () => {
    expect(await jsonOf(await call(osc, "/v1/apps/alice-fresh/containers", alice))).toEqual({ containers: [] })
    expect(await jsonOf(await call(osc, "/v1/apps/alice-fresh/ps", alice))).toEqual({ containers: [] })
  })

  it("lists one ps entry per running container, labelled web-1, web-2, worker-1, with its size object", async () => {
    const { containers } = await jsonOf<Ps>(await call(osc, "/v1/apps/alice-web/ps", alice))
    expect(containers.map((c) => c.label)).toEqual(["web-1", "web-2", "worker-1"])
    expect(containers.map((c) => [c.type, c.type_index])).toEqual([
      ["web", 1],
      ["web", 2],
      ["worker", 1]
    ])
    expect(containers[0]).toMatchObject({
      state: "running",
      deleted_at: null,
      container_size: { name: "M", human_name: "M", memory: 536_870_912, sku: "osc-fr1-app-M", ordinal: 3 }
    })
    for (const field of ["id", "app_id", "created_at", "command", "size"]) expect(containers[0]).toHaveProperty(field)
  })

  it("counts a stopped app's zero containers", async () => {
    const secnum = regionUrl(sim, "osc-secnum-fr1")
    const formation = await jsonOf<Formation>(await call(secnum, "/v1/apps/alice-archive/containers", alice))
    expect(formation.containers.map(({ name, amount }) => [name, amount])).toEqual([["web", 0]])
    expect(await jsonOf(await call(secnum, "/v1/apps/alice-archive/ps", alice))).toEqual({ containers: [] })
  })

  it("accepts the app's id where its name goes", async () => {
    const { app } = await jsonOf<{ app: { id: string } }>(
      await call(osc, "/v1/apps/bob-blog", await bearerFor(sim, "bob"))
    )
    const byId = await call(osc, `/v1/apps/${app.id}/containers`, await bearerFor(sim, "bob"))
    expect((await jsonOf<Formation>(byId)).containers.map((type) => type.name)).toEqual(["web"])
  })
})

describe("container sizes", () => {
  it("answers the real catalogue without any authentication, and counts nothing against a budget", async () => {
    sim.clearRequests()
    const response = await fetch(`${osc}/v1/features/container_sizes`)
    const { container_sizes: sizes } = await jsonOf<{ container_sizes: Array<Record<string, unknown>> }>(response)
    expect(sizes.map((size) => size["name"])).toEqual(["S", "M", "L", "XL", "2XL", "3XL"])
    expect(sizes.map((size) => size["ordinal"])).toEqual([2, 3, 4, 5, 6, 7])
    expect(sizes.find((size) => size["name"] === "L")).toMatchObject({
      id: "c623c087-69c3-4104-8a40-6b5cd3d41cae",
      human_name: "L",
      memory: 1_073_741_824,
      pids_limit: 512,
      human_cpu: "standard CPU priority",
      sku: "osc-fr1-app-L"
    })
    expect(sim.requests.map((r) => [r.path, r.status, r.account])).toEqual([
      ["/v1/features/container_sizes", 200, undefined]
    ])
  })

  it("checks a bearer when one is sent", async () => {
    const response = await call(osc, "/v1/features/container_sizes", "not-a-bearer")
    expect(response.status).toBe(401)
    expect((await call(osc, "/v1/features/container_sizes", alice)).status).toBe(200)
  })
})

describe("autoscalers", () => {
  it("lists the autoscalers a test adds, in DOC's shape", async () => {
    sim.addAutoscaler("alice", "osc-fr1", "alice-web", { containerType: "web", minContainers: 1, maxContainers: 4 })
    const { autoscalers } = await jsonOf<{ autoscalers: Array<Record<string, unknown>> }>(
      await call(osc, "/v1/apps/alice-web/autoscalers", alice)
    )
    expect(autoscalers).toHaveLength(1)
    expect(autoscalers[0]).toMatchObject({
      container_type: "web",
      min_containers: 1,
      max_containers: 4,
      metric: "rpm_per_container",
      target: 150,
      disabled: false
    })
    expect(String(autoscalers[0]!["id"])).toMatch(/^au-[0-9a-f-]{36}$/)
    expect(() =>
      sim.addAutoscaler("alice", "osc-fr1", "alice-web", { containerType: "clock", minContainers: 1, maxContainers: 2 })
    ).toThrow(/no container type "clock"/)
  })
})
