import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, jsonOf, regionUrl } from "./client.js"

let sim: Simulator
let alice: string
let osc: string
let count = 0
beforeAll(async () => {
  sim = await startSimulator()
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterEach(() => sim.faults.clear())
afterAll(() => sim.close())

const LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{9} \+0000 UTC \[([a-z0-9-]+)\] (.*)$/

const logsUrlOf = async (app: string): Promise<string> =>
  (await jsonOf<{ logs_url: string }>(await call(osc, `/v1/apps/${app}/logs`, alice))).logs_url

/** A dump as the bot asks for it: the URL kept whole, n and filter added, no bearer. */
const dump = (logsUrl: string, params: Record<string, string> = {}) => {
  const url = new URL(logsUrl)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return fetch(url)
}

const freshApp = (): string => {
  const name = `logs-app-${++count}`
  sim.addApp("alice", "osc-fr1", { name, lastDeployedAt: new Date().toISOString() })
  return name
}

describe("logs", () => {
  it("hands out a logs_url on the logs host with a token and a timestamp, beside the app", async () => {
    const response = await jsonOf<{ app: { name: string }; logs_url: string }>(
      await call(osc, "/v1/apps/alice-web/logs", alice)
    )
    expect(response.app.name).toBe("alice-web")
    const url = new URL(response.logs_url)
    expect(`${url.protocol}//${url.host}`).toBe(sim.logsUrl)
    const { app } = await jsonOf<{ app: { id: string } }>(await call(osc, "/v1/apps/alice-web", alice))
    expect(url.pathname).toBe(`/apps/${app.id}/logs`)
    expect(url.searchParams.get("token")).toMatch(/^[0-9a-f]{48}$/)
    expect(Number(url.searchParams.get("timestamp"))).toBeGreaterThan(1_700_000_000)
  })

  it("dumps the last n lines as text/plain in Scalingo's line format, without a bearer", async () => {
    const response = await dump(await logsUrlOf("alice-web"), { n: "5" })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/)
    const lines = (await response.text()).trimEnd().split("\n")
    expect(lines).toHaveLength(5)
    for (const line of lines) expect(line).toMatch(LINE)
    const all = (await (await dump(await logsUrlOf("alice-web"), { n: "1000" })).text()).trimEnd().split("\n")
    expect(all).toHaveLength(60)
    expect(all.slice(-5)).toEqual(lines)
  })

  it("filters by container type, by container, by the router, and by a regexp", async () => {
    const url = await logsUrlOf("alice-web")
    const labels = async (filter: string) =>
      new Set(
        (await (await dump(url, { n: "1000", filter })).text())
          .trimEnd()
          .split("\n")
          .map((line) => LINE.exec(line)![1])
      )
    expect(await labels("web")).toEqual(new Set(["web-1", "web-2"]))
    expect(await labels("web-2")).toEqual(new Set(["web-2"]))
    expect(await labels("router")).toEqual(new Set(["router"]))
    expect(await labels("web|worker")).toEqual(new Set(["web-1", "web-2", "worker-1"]))
  })

  it("appends lines a test writes, strings going to web-1", async () => {
    const app = freshApp()
    sim.appendLogs("alice", "osc-fr1", app, [
      "Listening on 8080",
      { container: "worker-1", message: "job 7 done", at: new Date("2024-06-03T09:30:00.123Z") }
    ])
    const text = await (await dump(await logsUrlOf(app), { n: "10" })).text()
    const lines = text.trimEnd().split("\n")
    expect(lines[0]).toMatch(/ \[web-1\] Listening on 8080$/)
    expect(lines[1]).toMatch(/^2024-06-03 09:30:00\.123\d{6} \+0000 UTC \[worker-1\] job 7 done$/)
  })

  it("answers 404 when the app never logged and 204 when the filter matches nothing", async () => {
    const silent = freshApp()
    expect((await dump(await logsUrlOf(silent), { n: "10" })).status).toBe(404)
    const url = await logsUrlOf("alice-web")
    const none = await dump(url, { n: "10", filter: "clock" })
    expect(none.status).toBe(204)
    expect(await none.text()).toBe("")
  })

  it("refuses a missing or wrong token, and a token for another app", async () => {
    const url = new URL(await logsUrlOf("alice-web"))
    const without = new URL(url)
    without.searchParams.delete("token")
    expect((await fetch(without)).status).toBe(401)
    const wrong = new URL(url)
    wrong.searchParams.set("token", "0".repeat(48))
    expect((await fetch(wrong)).status).toBe(401)
    const elsewhere = new URL(await logsUrlOf("alice-worker"))
    elsewhere.searchParams.set("token", url.searchParams.get("token")!)
    expect((await fetch(elsewhere)).status).toBe(401)
  })

  it("logs every logs-host request with host logs, outside any account's budget", async () => {
    const limited = await startSimulator({ requestsPerMinute: 2 })
    try {
      const bearer = await bearerFor(limited, "alice")
      const body = await jsonOf<{ logs_url: string }>(
        await call(regionUrl(limited, "osc-fr1"), "/v1/apps/alice-web/logs", bearer)
      )
      limited.clearRequests()
      for (let index = 0; index < 5; index++) expect((await dump(body.logs_url, { n: "1" })).status).toBe(200)
      expect(limited.requests.map((r) => [r.host, r.method, r.path, r.status, r.account])).toEqual(
        Array.from({ length: 5 }, () => ["logs", "GET", new URL(body.logs_url).pathname, 200, undefined])
      )
    } finally {
      await limited.close()
    }
  })

  it("lets faults target the logs host alone", async () => {
    const url = await logsUrlOf("alice-web")
    sim.faults.add({ host: "logs", status: 503, times: 1 })
    sim.faults.add({ host: "logs", reset: true, times: 1 })
    expect((await dump(url, { n: "1" })).status).toBe(503)
    await expect(dump(url, { n: "1" })).rejects.toThrow()
    expect((await dump(url, { n: "1" })).status).toBe(200)
    expect((await call(osc, "/v1/apps/alice-web/logs", alice)).status).toBe(200)
  })
})
