import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, regionUrl } from "./client.js"

let sim: Simulator
let alice: string
let osc: string
beforeAll(async () => {
  sim = await startSimulator()
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterEach(() => sim.faults.clear())
afterAll(() => sim.close())

/** Every route added for operating and watching apps, as the bot would call it. */
const ROUTES: ReadonlyArray<[method: string, path: string, body?: string]> = [
  ["GET", "/v1/apps/alice-web/containers"],
  ["GET", "/v1/apps/alice-web/ps"],
  ["GET", "/v1/apps/alice-web/autoscalers"],
  ["GET", "/v1/features/container_sizes"],
  ["POST", "/v1/apps/alice-web/restart", '{"scope":["web"]}'],
  ["POST", "/v1/apps/alice-web/scale", '{"containers":[{"name":"web","amount":2}]}'],
  ["GET", "/v1/apps/alice-web/operations/0123456789abcdef01234567"],
  ["GET", "/v1/apps/alice-web/deployments"],
  ["GET", "/v1/apps/alice-web/deployments/00000000-0000-4000-8000-000000000000"],
  ["GET", "/v1/apps/alice-web/deployments/00000000-0000-4000-8000-000000000000/output"],
  ["GET", "/v1/apps/alice-web/logs"],
  ["GET", "/v1/apps/alice-web/notifiers"],
  ["POST", "/v1/apps/alice-web/notifiers", "{}"],
  ["GET", "/v1/notification_platforms"],
  ["GET", "/v1/notification_platforms/search?name=webhook"],
  ["GET", "/v1/event_types"]
]

const send = (method: string, path: string, body?: string) =>
  call(osc, path, alice, { method, ...(body === undefined ? {} : { body }) })

describe("faults and the rate limit on the operate and watch routes", () => {
  it("answers every new route with an injected status before doing anything", async () => {
    for (const [method, path, body] of ROUTES) {
      const bare = path.split("?")[0]!
      sim.faults.add({ host: "osc-fr1", method, path: bare, status: 503, times: 1 })
      const response = await send(method, path, body)
      expect(response.status, `${method} ${path}`).toBe(503)
      expect(await response.json()).toEqual({ error: "upstream provider returned an error, please retry later" })
    }
    // The faulted restart and scale never ran.
    expect(sim.operationsOf("alice", "osc-fr1", "alice-web")).toEqual([])
  })

  it("resets the connection or cuts the JSON of any of them", async () => {
    sim.faults.add({ path: /\/ps$/, reset: true, times: 1 })
    await expect(send("GET", "/v1/apps/alice-web/ps")).rejects.toThrow()
    sim.faults.add({ path: "/v1/apps/alice-web/deployments", malformedJson: true, times: 1 })
    const cut = await send("GET", "/v1/apps/alice-web/deployments")
    expect(cut.status).toBe(200)
    const body = await cut.text()
    expect(body).toMatch(/^\{"deployments":\[/)
    expect(() => JSON.parse(body)).toThrow()
  })

  it("counts every authenticated call to them against the account's 60 a minute", async () => {
    const limited = await startSimulator({ requestsPerMinute: ROUTES.length + 1 })
    try {
      const bearer = await bearerFor(limited, "bob")
      const api = regionUrl(limited, "osc-fr1")
      const statuses: Array<number> = []
      for (const [method, path] of ROUTES) {
        const own = path.replace("alice-web", "bob-blog")
        const body = method === "POST" ? "{}" : undefined
        statuses.push((await call(api, own, bearer, { method, ...(body === undefined ? {} : { body }) })).status)
      }
      expect(statuses).not.toContain(429)
      const over = await call(api, "/v1/apps/bob-blog/ps", bearer)
      expect(over.status).toBe(429)
      expect(await over.text()).toBe("Retry later")
      // Anonymous catalogue reads belong to no account, so no budget applies to them.
      expect((await fetch(`${api}/v1/features/container_sizes`)).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
