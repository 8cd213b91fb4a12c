import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, exchange, regionUrl } from "./client.js"

let sim: Simulator
let bearer: string
let osc: string
beforeAll(async () => {
  sim = await startSimulator()
  bearer = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterEach(() => sim.faults.clear())
afterAll(() => sim.close())

describe("fault injection", () => {
  it("delays an answer by latencyMs, then answers normally", async () => {
    sim.faults.add({ host: "osc-fr1", path: "/v1/apps", latencyMs: 50 })
    const response = await call(osc, "/v1/apps", bearer)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { apps: Array<unknown> }).apps.length).toBeGreaterThan(0)
  })

  it("holds the answer long enough for a client timeout to fire", async () => {
    sim.faults.add({ host: "osc-fr1", path: "/v1/apps", latencyMs: 5_000, times: 1 })
    await expect(
      fetch(`${osc}/v1/apps`, { headers: { authorization: `Bearer ${bearer}` }, signal: AbortSignal.timeout(100) })
    ).rejects.toThrow()
  })

  it("answers a given status and body instead of the route", async () => {
    sim.faults.add({
      host: "osc-fr1",
      method: "GET",
      path: "/v1/apps",
      status: 503,
      body: JSON.stringify({ error: "maintenance" })
    })
    const response = await call(osc, "/v1/apps", bearer)
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ error: "maintenance" })
  })

  it("gives a 500 Scalingo's internal-error body when none is given, and honours a content type", async () => {
    sim.faults.add({ path: "/v1/apps", status: 500, times: 1 })
    sim.faults.add({
      path: "/v1/apps",
      status: 502,
      body: "<html>Bad gateway</html>",
      contentType: "text/html",
      times: 1
    })
    const first = await call(osc, "/v1/apps", bearer)
    expect(first.status).toBe(500)
    expect(await first.json()).toEqual({ error: "Internal error occured, we're on it!" })
    const second = await call(osc, "/v1/apps", bearer)
    expect(second.status).toBe(502)
    expect(second.headers.get("content-type")).toBe("text/html")
    expect(await second.text()).toBe("<html>Bad gateway</html>")
  })

  it("applies a fault only to the next N matching requests, in the order faults were added", async () => {
    sim.faults.add({ host: "auth", path: "/v1/tokens/exchange", status: 503, times: 2 })
    sim.faults.add({ host: "auth", path: "/v1/tokens/exchange", status: 500, times: 1 })
    const token = sim.accounts["alice"]!.apiToken
    const statuses = []
    for (let index = 0; index < 4; index++) statuses.push((await exchange(sim, token)).status)
    expect(statuses).toEqual([503, 503, 500, 200])
  })

  it("matches only its host, method and path (a RegExp matches any path it tests true on)", async () => {
    sim.faults.add({ host: "osc-secnum-fr1", status: 503 })
    sim.faults.add({ method: "POST", path: "/v1/apps", status: 500 })
    sim.faults.add({ path: /\/events$/, status: 502 })
    expect((await call(osc, "/v1/apps", bearer)).status).toBe(200)
    expect((await call(regionUrl(sim, "osc-secnum-fr1"), "/v1/apps", bearer)).status).toBe(503)
    expect((await call(osc, "/v1/apps", bearer, { method: "POST", body: "{}" })).status).toBe(500)
    expect((await call(osc, "/v1/apps/alice-web/events", bearer)).status).toBe(502)
    expect((await call(osc, "/v1/events", bearer)).status).toBe(502)
  })

  it("destroys the connection without an answer on reset", async () => {
    sim.faults.add({ host: "osc-fr1", path: "/v1/apps", reset: true, times: 1 })
    await expect(call(osc, "/v1/apps", bearer)).rejects.toThrow()
    expect((await call(osc, "/v1/apps", bearer)).status).toBe(200)
  })

  it("answers 200 with JSON cut short on malformedJson", async () => {
    sim.faults.add({ host: "osc-fr1", path: "/v1/apps", malformedJson: true, times: 1 })
    const response = await call(osc, "/v1/apps", bearer)
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(body.startsWith('{"apps":[')).toBe(true)
    expect(() => JSON.parse(body)).toThrow()
  })

  it("stops every fault on clear", async () => {
    sim.faults.add({ status: 503 })
    sim.faults.clear()
    expect((await call(osc, "/v1/apps", bearer)).status).toBe(200)
  })
})
