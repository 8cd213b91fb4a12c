import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Effect } from "effect"
import { isCreateForm, textsIn, viewWhere } from "../support/faultChecks.js"
import { freshSchema, testDatabaseUrl, withPostgres } from "../support/postgres.js"
import { linkAccounts, startWorld, type World } from "../support/world.js"

if (!testDatabaseUrl) console.warn("Skipping the slow-claim deadline test: TEST_DATABASE_URL is not set.")

/**
 * Defect 6: a create submission's deadline counts from when Slack's request arrived, and the
 * follow-up is armed before waiting. With the claim table locked for 3 s by another connection, the
 * modal must be answered in time with a "creating" view, and the outcome must follow: the modal
 * updated and the channel told, once the app exists.
 */
describe.skipIf(!testDatabaseUrl)("defect 6: a created app nobody is told about (needs TEST_DATABASE_URL)", () => {
  let world: World
  let database: { url: string; drop: () => Promise<void> }
  beforeAll(async () => {
    database = await freshSchema()
    world = await startWorld({ env: { DATABASE_URL: database.url } })
    await linkAccounts(world, { "U-ALICE": "alice" })
  })
  afterAll(async () => {
    await world?.close()
    await database?.drop()
  })

  it("with the claim held up 3 s, the modal is answered in time and the outcome follows", async () => {
    const responseUrl = world.slack.responseUrl()
    await world.command("create", { userId: "U-ALICE", channelId: "C-DEADLINE", responseUrl })
    const form = await viewWhere(world, (v) => String(v.private_metadata).includes(responseUrl) && isCreateForm(v))
    let locked!: () => void
    const lockHeld = new Promise<void>((resolve) => {
      locked = resolve
    })
    const lock = withPostgres(database.url, (sql) =>
      sql.withTransaction(
        Effect.gen(function* () {
          yield* sql`LOCK TABLE submission_claims IN ACCESS EXCLUSIVE MODE`
          yield* Effect.sync(locked)
          yield* sql`SELECT pg_sleep(3)`
        })
      )
    )
    await lockHeld
    const reply = await world.submit({
      view: form,
      userId: "U-ALICE",
      values: {
        name: { name: { type: "plain_text_input", value: "alice-deadline-app" } },
        region: { region: { type: "static_select", selected_option: { value: "osc-fr1" } } }
      }
    })
    expect(reply.status).toBe(200)
    expect(reply.elapsedMs).toBeLessThan(3_000)
    expect(reply.body).toMatchObject({ response_action: "update" })
    expect(textsIn((reply.body as { view: unknown }).view)).toContain("Creating")
    await lock
    const announced = await world.slack.waitForCall(
      "chat.postMessage",
      (c) => c.params.channel === "C-DEADLINE" && JSON.stringify(c.params).includes("alice-deadline-app"),
      { timeoutMs: 20_000 }
    )
    expect(announced).toBeDefined()
    const updated = await world.slack.waitForCall(
      "views.update",
      (c) => c.params.view_id === form.id && JSON.stringify(c.params.view).includes("now exists"),
      { timeoutMs: 20_000 }
    )
    expect(updated).toBeDefined()
  })
})
