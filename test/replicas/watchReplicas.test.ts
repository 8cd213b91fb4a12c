import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BotProcess } from "../support/botProcess.js"
import { eventually } from "../support/bounded.js"
import { freshSchema, testDatabaseUrl } from "../support/postgres.js"
import { posted, shownIn, sleep, subscribeIn } from "../support/watching.js"
import { linkAccounts, readable, startWorld, type World } from "../support/world.js"

/**
 * Two replicas watching the same subscriptions on one PostgreSQL database: one polls (the poller
 * lease), each event is posted once, and when the polling replica is killed the other takes over within
 * the lease's 15 s (plus one read).
 */
const skipReason = testDatabaseUrl
  ? undefined
  : "TEST_DATABASE_URL must be set (e.g. postgres://postgres@127.0.0.1:5432/test)"
if (skipReason !== undefined) console.warn(`Skipping the watching replicas tests: ${skipReason}`)

const POLLS = "this replica now polls subscriptions"

describe.skipIf(skipReason !== undefined)("two replicas watching apps", () => {
  let world: World
  let replicaB: BotProcess
  let drop: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const database = await freshSchema()
    drop = database.drop
    world = await startWorld({
      simulator: { requestsPerMinute: 1_000 },
      env: { DATABASE_URL: database.url, SUBSCRIPTION_POLL_SECONDS: "1" }
    })
    replicaB = await world.startAnother()
    await linkAccounts(world, { "U-BOB": "bob" })
  }, 60_000)
  afterAll(async () => {
    await world?.close()
    await drop?.()
  })

  const crashes = (channel: string, words: string) =>
    posted(world, channel).filter((c) => readable(c.params).includes(words))

  it("exactly one replica polls, and each crash is posted once", async () => {
    await subscribeIn(world, "C-TWO", "bob-blog crashes", "U-BOB", replicaB)
    const pollers = [world.bot, replicaB].filter((b) => b.output.some((line) => line.includes(POLLS)))
    expect(pollers).toHaveLength(1)
    world.sim.crashApp("bob", "osc-fr1", "bob-blog")
    await shownIn(world, "C-TWO", (t) => t.includes("`bob-blog` crashed"))
    await sleep(8_000)
    expect(crashes("C-TWO", "crashed")).toHaveLength(1)
  }, 60_000)

  it("when the polling replica is killed, the other takes over within the lease (15 s) and posts once", async () => {
    const poller = [world.bot, replicaB].find((b) => b.output.some((line) => line.includes(POLLS)))!
    const other = poller === world.bot ? replicaB : world.bot
    await poller.stop("SIGKILL")
    const killedAt = Date.now()
    world.sim.crashApp("bob", "osc-fr1", "bob-blog", { repeated: true })
    await shownIn(world, "C-TWO", (t) => t.includes("keep crashing"), 30_000)
    expect(Date.now() - killedAt).toBeLessThan(15_000 + 10_000)
    expect(await eventually(() => other.output.some((line) => line.includes(POLLS)), 1_000)).toBe(true)
    await sleep(6_000)
    expect(crashes("C-TWO", "keep crashing")).toHaveLength(1)
  }, 60_000)
})
