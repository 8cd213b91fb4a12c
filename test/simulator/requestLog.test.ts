import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, exchange, regionUrl } from "./client.js"

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator()
})
afterAll(() => sim.close())

describe("request log", () => {
  it("records host, method, path, query, account, status, user agent and dry-run for every request", async () => {
    sim.clearRequests()
    const before = Date.now()
    const bearer = await bearerFor(sim, "alice")
    const osc = regionUrl(sim, "osc-fr1")
    await call(osc, "/v1/apps/forty-seven-events/events?page=2&per_page=10", bearer, {
      headers: { "user-agent": "scalingo-slack-bot/test" }
    })
    await call(osc, "/v1/apps", bearer, {
      method: "POST",
      body: JSON.stringify({ app: { name: "logged-dry-run" } }),
      headers: { "x-dry-run": "true" }
    })
    await exchange(sim, "tk-us-unknown")

    const [exchanged, events, created, refused] = sim.requests
    expect(sim.requests).toHaveLength(4)
    expect(exchanged).toMatchObject({
      host: "auth",
      method: "POST",
      path: "/v1/tokens/exchange",
      account: "alice",
      status: 200,
      dryRun: false
    })
    expect(events).toMatchObject({
      host: "osc-fr1",
      method: "GET",
      path: "/v1/apps/forty-seven-events/events",
      query: { page: "2", per_page: "10" },
      account: "alice",
      status: 200,
      userAgent: "scalingo-slack-bot/test",
      dryRun: false
    })
    expect(created).toMatchObject({ host: "osc-fr1", method: "POST", path: "/v1/apps", status: 201, dryRun: true })
    expect(refused).toMatchObject({ host: "auth", status: 401 })
    expect(refused!.account).toBeUndefined()
    for (const request of sim.requests) expect(request.at).toBeGreaterThanOrEqual(before)
  })

  it("never holds a bearer or an API token", async () => {
    const bearer = await bearerFor(sim, "bob")
    await call(sim.authUrl, "/v1/users/self", bearer)
    sim.faults.add({ host: "auth", path: "/v1/regions", status: 503, times: 1 })
    await call(sim.authUrl, "/v1/regions", bearer)
    const logged = JSON.stringify(sim.requests)
    expect(logged).not.toContain(bearer)
    expect(logged).not.toContain(sim.accounts["bob"]!.apiToken)
    expect(sim.requests.at(-1)).toMatchObject({ path: "/v1/regions", status: 503, account: "bob" })
  })

  it("logs a reset connection with status 0", async () => {
    sim.faults.add({ host: "auth", path: "/v1/users/self", reset: true, times: 1 })
    await call(sim.authUrl, "/v1/users/self", "whatever").catch(() => undefined)
    expect(sim.requests.at(-1)).toMatchObject({ path: "/v1/users/self", status: 0 })
  })

  it("starts empty again after clearRequests", () => {
    sim.clearRequests()
    expect(sim.requests).toEqual([])
  })
})
