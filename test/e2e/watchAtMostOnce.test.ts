import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { holdSqliteWriteLock } from "../support/sqliteLock.js"
import { posted, sleep, subscribeIn } from "../support/watching.js"
import { linkAccounts, readable, startWorld, type World } from "../support/world.js"

/** Longer than a statement keeps trying while SQLite stays locked (5 s): the ledger write after the post fails. */
const HOLD_MS = 7_000

/** Watching when a post or its record fails: each message at most once, and once when Slack surely refused it. */
describe("watching apps when a post or its record fails", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({
      simulator: { requestsPerMinute: 1_000 },
      env: { SUBSCRIPTION_POLL_SECONDS: "1" }
    })
    await linkAccounts(world, { "U-BOB": "bob" })
  }, 60_000)
  afterAll(async () => {
    await world?.close()
  })

  it("a crash alert whose ledger write failed is not posted again when storage comes back", async () => {
    await subscribeIn(world, "C-LEDGER", "bob-blog crashes", "U-BOB")
    // Slack answers the alert slowly; meanwhile another process takes SQLite's write lock, so the
    // bot's record of that post fails once Slack has answered.
    world.slack.fail("chat.postMessage", { channel: "C-LEDGER", delayMs: 1_500, times: 1 })
    world.sim.crashApp("bob", "osc-fr1", "bob-blog")
    await world.slack.waitForCall("chat.postMessage", (c) => c.params.channel === "C-LEDGER", { timeoutMs: 20_000 })
    const lock = await holdSqliteWriteLock(path.join(world.dataDir, "bot.sqlite"), HOLD_MS)
    await lock.released
    // Polls go on every second; a delivery lease left held by the failed write expires within 15 s.
    await sleep(20_000)
    const alerts = posted(world, "C-LEDGER").filter((c) => readable(c.params).includes("`bob-blog` crashed"))
    expect(alerts).toHaveLength(1)
  }, 60_000)

  it("a crash alert Slack refused is posted at the next read", async () => {
    await subscribeIn(world, "C-REFUSED", "bob-shop crashes", "U-BOB")
    world.slack.fail("chat.postMessage", { channel: "C-REFUSED", error: "msg_blocks_too_long", times: 1 })
    world.sim.crashApp("bob", "osc-fr1", "bob-shop")
    const shown = () => posted(world, "C-REFUSED").filter((c) => readable(c.params).includes("`bob-shop` crashed"))
    await world.slack.waitForCall("chat.postMessage", () => shown().length === 2, { timeoutMs: 20_000 })
    await sleep(5_000)
    expect(shown()).toHaveLength(2)
  }, 60_000)
})
