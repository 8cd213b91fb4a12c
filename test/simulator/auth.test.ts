import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, decodeJwtPayload, exchange, regionUrl } from "./client.js"

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator()
})
afterAll(() => sim.close())

describe("auth host", () => {
  it("exchanges an API token for a three-part JWT whose exp is an hour away and whose sub is the user id", async () => {
    const response = await exchange(sim, sim.accounts["alice"]!.apiToken)
    expect(response.status).toBe(200)
    const { token } = (await response.json()) as { token: string }
    expect(token.split(".")).toHaveLength(3)
    const payload = decodeJwtPayload(token)
    const now = Math.floor(Date.now() / 1000)
    expect(payload["sub"]).toBe(sim.accounts["alice"]!.id)
    expect(payload["exp"]).toBe((payload["iat"] as number) + 3600)
    expect(Math.abs((payload["iat"] as number) - now)).toBeLessThan(120)
  })

  it("gives seeded accounts stable tk-us- tokens and us-<uuid> ids", () => {
    for (const account of Object.values(sim.accounts)) {
      expect(account.apiToken).toMatch(/^tk-us-[A-Za-z0-9]{48}$/)
      expect(account.id).toMatch(/^us-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    }
  })

  it("answers users/self with the account's user object", async () => {
    const bearer = await bearerFor(sim, "bob")
    const response = await call(sim.authUrl, "/v1/users/self", bearer)
    expect(response.status).toBe(200)
    const { user } = (await response.json()) as { user: Record<string, unknown> }
    expect(user).toMatchObject({ id: sim.accounts["bob"]!.id, username: "bob", email: "bob@example.com" })
    expect(typeof user["fullname"]).toBe("string")
  })

  it("lists both regions for alice, osc-fr1 being the default, each pointing at its simulated API host", async () => {
    const response = await call(sim.authUrl, "/v1/regions", await bearerFor(sim, "alice"))
    const { regions } = (await response.json()) as { regions: Array<Record<string, unknown>> }
    expect(regions.map((region) => region["name"])).toEqual(["osc-fr1", "osc-secnum-fr1"])
    expect(regions[0]).toMatchObject({
      default: true,
      api: regionUrl(sim, "osc-fr1"),
      display_name: "Paris - Outscale"
    })
    expect(regions[1]).toMatchObject({ default: false, api: regionUrl(sim, "osc-secnum-fr1") })
    for (const region of regions)
      expect(Object.keys(region).sort()).toEqual([
        "api",
        "dashboard",
        "database_api",
        "default",
        "display_name",
        "name",
        "ssh"
      ])
  })

  it("lists only osc-fr1 for bob", async () => {
    const response = await call(sim.authUrl, "/v1/regions", await bearerFor(sim, "bob"))
    const { regions } = (await response.json()) as { regions: Array<{ name: string }> }
    expect(regions.map((region) => region.name)).toEqual(["osc-fr1"])
  })

  it("refuses an unknown API token at exchange with 401 and an error field", async () => {
    const response = await exchange(sim, "tk-us-not-a-real-token")
    expect(response.status).toBe(401)
    expect(await response.json()).toHaveProperty("error")
  })

  it("refuses a revoked token at exchange while bearers already issued keep working until they expire", async () => {
    const account = sim.createAccount({ username: "dave" })
    const bearer = await bearerFor(sim, "dave")
    sim.revokeToken(account.apiToken)
    expect((await exchange(sim, account.apiToken)).status).toBe(401)
    expect((await call(sim.authUrl, "/v1/users/self", bearer)).status).toBe(200)
  })

  it("answers 401 to an unknown bearer on the auth host and on a regional host", async () => {
    const forged = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJl"
    for (const url of [`${sim.authUrl}/v1/users/self`, `${regionUrl(sim, "osc-fr1")}/v1/apps`]) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${forged}` } })
      expect(response.status).toBe(401)
      expect(await response.json()).toHaveProperty("error")
    }
    expect((await fetch(`${regionUrl(sim, "osc-fr1")}/v1/apps`)).status).toBe(401)
  })

  it("answers 401 to every bearer issued before expireBearers, and a fresh exchange works again", async () => {
    const bearer = await bearerFor(sim, "alice")
    sim.expireBearers()
    expect((await call(regionUrl(sim, "osc-fr1"), "/v1/apps", bearer)).status).toBe(401)
    expect((await call(regionUrl(sim, "osc-fr1"), "/v1/apps", await bearerFor(sim, "alice"))).status).toBe(200)
  })

  it("answers 401 once a bearer's lifetime is over", async () => {
    const shortLived = await startSimulator({ bearerTtlSeconds: 0 })
    try {
      const bearer = await bearerFor(shortLived, "alice")
      expect((await call(shortLived.authUrl, "/v1/users/self", bearer)).status).toBe(401)
    } finally {
      await shortLived.close()
    }
  })

  it("answers 403 on a regional host the account does not reach", async () => {
    const response = await call(regionUrl(sim, "osc-secnum-fr1"), "/v1/apps", await bearerFor(sim, "bob"))
    expect(response.status).toBe(403)
  })
})
