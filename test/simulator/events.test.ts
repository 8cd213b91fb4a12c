import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { eventSamples } from "../../src/simulator/eventSamples.js"
import { FORTY_SEVEN_EVENTS_APP, type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, regionUrl } from "./client.js"

interface EventsPage {
  events: Array<{ id: string; type: string; created_at: string; app_name?: string; user: { username: string } }>
  meta: {
    pagination: {
      current_page: number
      prev_page: number | null
      next_page: number | null
      total_pages: number
      total_count: number
    }
  }
}

let sim: Simulator
let alice: string
let osc: string
beforeAll(async () => {
  sim = await startSimulator()
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
})
afterAll(() => sim.close())

const page = async (path: string, bearer = alice): Promise<EventsPage> => {
  const response = await call(osc, path, bearer)
  expect(response.status).toBe(200)
  return (await response.json()) as EventsPage
}

describe("app events", () => {
  it(
    "pages the 47-event app 20 at a time: 20, 20, 7, newest first, with null prev on the first " +
      "and null next on the last",
    async () => {
      const base = `/v1/apps/${FORTY_SEVEN_EVENTS_APP}/events?per_page=20`
      const pages = [await page(`${base}&page=1`), await page(`${base}&page=2`), await page(`${base}&page=3`)]
      expect(pages.map((p) => p.events.length)).toEqual([20, 20, 7])
      expect(pages.map((p) => p.meta.pagination)).toEqual([
        { current_page: 1, prev_page: null, next_page: 2, total_pages: 3, total_count: 47 },
        { current_page: 2, prev_page: 1, next_page: 3, total_pages: 3, total_count: 47 },
        { current_page: 3, prev_page: 2, next_page: null, total_pages: 3, total_count: 47 }
      ])
      const all = pages.flatMap((p) => p.events)
      expect(new Set(all.map((event) => event.id)).size).toBe(47)
      const times = all.map((event) => Date.parse(event.created_at))
      expect(times).toEqual([...times].sort((a, b) => b - a))
      expect(all.map((event) => event.type)).toEqual(
        all.map((_, index) => eventSamples[index % eventSamples.length]!["type"])
      )
      expect(new Set(all.map((event) => event.app_name))).toEqual(new Set([FORTY_SEVEN_EVENTS_APP]))
    }
  )

  it("defaults to 30 per page and caps per_page at 100", async () => {
    expect((await page(`/v1/apps/${FORTY_SEVEN_EVENTS_APP}/events`)).events).toHaveLength(30)
    const capped = await page(`/v1/apps/all-event-types/events?per_page=500`)
    expect(capped.events).toHaveLength(100)
    expect(capped.meta.pagination.total_pages).toBe(Math.ceil(capped.meta.pagination.total_count / 100))
  })

  it("answers a page beyond the last with no events and truthful meta", async () => {
    const beyond = await page(`/v1/apps/${FORTY_SEVEN_EVENTS_APP}/events?per_page=20&page=9`)
    expect(beyond.events).toEqual([])
    expect(beyond.meta.pagination).toEqual({
      current_page: 9,
      prev_page: 8,
      next_page: null,
      total_pages: 3,
      total_count: 47
    })
  })

  it("has one app whose timeline holds every event type in eventSamples", async () => {
    const all = await page(`/v1/apps/all-event-types/events?per_page=100`)
    expect(all.meta.pagination.total_count).toBeGreaterThanOrEqual(Math.max(96, eventSamples.length))
    expect(new Set(all.events.map((event) => event.type))).toEqual(
      new Set(eventSamples.map((sample) => sample["type"]))
    )
  })

  it("adds events on top of an app's timeline with addAppEvents", async () => {
    sim.addApp("bob", "osc-fr1", { name: "bob-events-later" })
    sim.addAppEvents("bob", "osc-fr1", "bob-events-later", 3)
    sim.addAppEvents("bob", "osc-fr1", "bob-events-later", 2)
    const timeline = await page(`/v1/apps/bob-events-later/events`, await bearerFor(sim, "bob"))
    expect(timeline.meta.pagination.total_count).toBe(5)
    const times = timeline.events.map((event) => Date.parse(event.created_at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(timeline.events[0]!.type).toBe(eventSamples[0]!["type"])
    expect(
      timeline.events.every((event) => event.user.username === "bob" || event.user.username === "scalingo-platform")
    ).toBe(true)
  })
})

describe("account events", () => {
  it("lists the account's own events newest first, paginated, and only that account's", async () => {
    const first = await page(`/v1/events?per_page=10`)
    expect(first.events).toHaveLength(10)
    expect(first.meta.pagination).toMatchObject({ current_page: 1, prev_page: null, next_page: 2 })
    const bob = await page(`/v1/events?per_page=100`, await bearerFor(sim, "bob"))
    expect(bob.meta.pagination.total_count).toBe(20)
    const bobApps = new Set(sim.appsOf("bob", "osc-fr1").map(({ name }) => name))
    for (const event of bob.events) {
      if (event.app_name !== undefined) expect(bobApps.has(event.app_name)).toBe(true)
    }
  })

  it("keeps account events per region", async () => {
    const response = await call(regionUrl(sim, "osc-secnum-fr1"), "/v1/events?per_page=100", alice)
    expect(((await response.json()) as EventsPage).meta.pagination.total_count).toBe(10)
  })
})
