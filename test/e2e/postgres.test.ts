import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { freshDatabase, freshSchema, testDatabaseUrl, withPostgres } from "../support/postgres.js"
import { sendSlashCommand } from "../support/slackRequests.js"
import { expectNothingRaw } from "../support/blockKit.js"
import { commandReply, readable, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

if (!testDatabaseUrl)
  console.warn(
    "Skipping the PostgreSQL end-to-end tests: TEST_DATABASE_URL is not set (e.g. " +
      "postgres://postgres@127.0.0.1:5432/test)."
  )

describe.skipIf(!testDatabaseUrl)("the bot on PostgreSQL (needs TEST_DATABASE_URL)", () => {
  let world: World
  let database: { url: string; drop: () => Promise<void> }
  beforeAll(async () => {
    database = await freshSchema()
    world = await startWorld({ env: { DATABASE_URL: database.url } })
  })
  afterAll(async () => {
    await world?.close()
    await database?.drop()
  })

  it("a link made by one process is usable by a second process started on the same database", async () => {
    await commandReply(world, `login ${world.sim.accounts.alice!.apiToken}`, { userId: "U-PG" })
    const second = await world.startAnother()
    const responseUrl = world.slack.responseUrl()
    await sendSlashCommand(second.url, SIGNING_SECRET, { text: "apps", userId: "U-PG", responseUrl })
    const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop())
    expect(readable((reply as { body: unknown }).body)).toContain("alice-web")
  })

  it("the PostgreSQL table contains no API token in plain text", async () => {
    const rows = await withPostgres(database.url, (sql) => sql`SELECT * FROM account_links`)
    expect(rows.length).toBeGreaterThan(0)
    const dump = JSON.stringify(rows)
    for (const account of Object.values(world.sim.accounts)) expect(dump).not.toContain(account.apiToken)
  })
})

describe.skipIf(!testDatabaseUrl)("when storage goes away (needs TEST_DATABASE_URL)", () => {
  it("GET /healthz answers 503, and a command gets an apology with a reference id that is in the log", async () => {
    const database = await freshDatabase()
    const world = await startWorld({ env: { DATABASE_URL: database.url } })
    try {
      expect((await fetch(`${world.bot.url}/healthz`)).status).toBe(200)
      await database.drop()
      const response = await fetch(`${world.bot.url}/healthz`)
      expect(response.status).toBe(503)
      expect(await response.json()).toMatchObject({ ok: false, storage: "unavailable" })
      // Anything unexpected: a short apology whose reference id also appears in the log.
      const { text } = await commandReply(world, "whoami", { userId: "U-GONE" })
      const reference = /Reference `([0-9a-f]{8})`/.exec(text)?.[1]
      expect(reference).toBeDefined()
      expect(text).toContain("Sorry, something went wrong")
      expect(world.bot.output.join("\n")).toContain(reference!)
      expectNothingRaw(text)
    } finally {
      await world.close()
      await database.drop()
    }
  })
})
