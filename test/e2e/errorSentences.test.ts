import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectNothingRaw } from "../support/blockKit.js"
import { commandReply, linkAccounts, startWorld, type World } from "../support/world.js"

/**
 * Every kind of Scalingo failure reaches the person as a sentence, privately, through a real
 * command (402/422 are shown through the create modal in createApp.test.ts, a dead link in
 * accounts.test.ts, an unexpected failure's reference id in postgres.test.ts).
 */
describe("errors become sentences", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob" })
  })
  afterAll(async () => {
    await world?.close()
  })

  const cases: ReadonlyArray<{
    name: string
    app: string
    fault: { status: number; body: string; contentType?: string }
    expected: ReadonlyArray<string>
  }> = [
    {
      name: "401 after one refresh → not allowed, check collaborator rights",
      app: "alice-web",
      fault: { status: 401, body: JSON.stringify({ error: "You are not authorized to do this operation" }) },
      expected: ["not allowed", "collaborator"]
    },
    {
      name: "403 → not allowed, and why when Scalingo says",
      app: "alice-worker",
      fault: { status: 403, body: JSON.stringify({ error: "Operation forbidden on this app", code: "app_locked" }) },
      expected: ["does not allow this", "Operation forbidden on this app", "app_locked"]
    },
    {
      name: "429 → retry in N seconds",
      app: "all-event-types",
      fault: { status: 429, body: "Retry later", contentType: "text/plain" },
      expected: ["limiting your account's requests", "Try again in"]
    },
    {
      name: "5xx → Scalingo is having trouble, and nothing was changed",
      app: "alice-fresh",
      fault: {
        status: 503,
        body: JSON.stringify({ error: "upstream provider returned an error, please retry later" })
      },
      expected: ["Scalingo is having trouble", "Nothing was changed"]
    }
  ]

  it.each(cases)("$name", async ({ app, fault, expected }) => {
    world.sim.faults.add({ host: "osc-fr1", path: `/v1/apps/${app}/events`, ...fault })
    const { text, body } = await commandReply(world, `events ${app}`, { userId: "U-ALICE" })
    for (const words of expected) expect(text).toContain(words)
    expect((body as { response_type: string }).response_type).toBe("ephemeral")
    expectNothingRaw(text)
  })

  it("404 → that app does not exist or your account cannot see it", async () => {
    const { text } = await commandReply(world, "events bob-blog", { userId: "U-ALICE" })
    expect(text).toContain("does not exist, or your Scalingo account cannot see it")
  })

  it("the account's own request budget spent → retry in N seconds, without drawing a 429 from Scalingo", async () => {
    // More than the whole budget (60 a minute) at once: a burst may spend all of it, so only more is refused.
    const replies = await Promise.all(
      Array.from({ length: 70 }, () => commandReply(world, "events forty-seven-events", { userId: "U-BOB" }))
    )
    const budget = replies.filter((r) => r.text.includes("request budget"))
    expect(budget.length).toBeGreaterThan(0)
    for (const r of budget) expect(r.text).toMatch(/Try again in \d+ seconds?/)
    expect(world.sim.requests.filter((r) => r.account === "bob" && r.status === 429)).toEqual([])
  })
})
