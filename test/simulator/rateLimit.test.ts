import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, exchange, regionUrl } from "./client.js"

const WINDOW_MS = 2_500
const LIMIT = 5

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ requestsPerMinute: LIMIT, rateWindowMs: WINDOW_MS })
})
afterAll(() => sim.close())

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("per-account rate limit", () => {
  it(
    "answers 429 Retry later as plain text without Retry-After beyond the limit, counting the " +
      "exchange, then recovers after the window",
    async () => {
      const bearer = await bearerFor(sim, "alice") // request 1 of the window
      const osc = regionUrl(sim, "osc-fr1")
      for (let index = 2; index <= LIMIT; index++) expect((await call(osc, "/v1/apps", bearer)).status).toBe(200)

      const refused = await call(osc, "/v1/apps", bearer)
      expect(refused.status).toBe(429)
      expect(await refused.text()).toBe("Retry later")
      expect(refused.headers.get("content-type")).toMatch(/^text\/plain/)
      expect(refused.headers.get("retry-after")).toBeNull()
      expect((await exchange(sim, sim.accounts["alice"]!.apiToken)).status).toBe(429)

      // Another account has its own budget.
      expect((await call(sim.authUrl, "/v1/users/self", await bearerFor(sim, "bob"))).status).toBe(200)

      await pause(WINDOW_MS + 100)
      expect((await call(osc, "/v1/apps", bearer)).status).toBe(200)
      expect(sim.requests.filter((request) => request.status === 429).map((request) => request.account)).toEqual([
        "alice",
        "alice"
      ])
    }
  )
})
