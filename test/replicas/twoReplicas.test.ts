import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonsOf } from "../support/blockKit.js"
import type { BotProcess } from "../support/botProcess.js"
import { eventually } from "../support/bounded.js"
import { freshSchema, testDatabaseUrl, testRedisUrl } from "../support/postgres.js"
import { maxInAnyWindow } from "../support/simulatorLog.js"
import { sendBlockAction, sendSlashCommand } from "../support/slackRequests.js"
import { readable, SIGNING_SECRET, startWorld, type World, type WorldOptions } from "../support/world.js"

/**
 * Two bot processes sharing one PostgreSQL database and one Redis: links, page buttons and the
 * per-account Scalingo budget all work across them.
 */

const skipReason =
  !testDatabaseUrl || !testRedisUrl
    ? "TEST_DATABASE_URL and TEST_REDIS_URL must both be set (e.g. postgres://postgres@127.0.0.1:5432/test and " +
      "redis://127.0.0.1:6379)"
    : undefined
if (skipReason !== undefined) console.warn(`Skipping the two-replica tests: ${skipReason}`)

const BUDGET_SENTENCE = /request budget for this minute\. Try again in \d+ seconds?\./

/** An account of its own for each run: Redis budget keys derive from the token, and runs share Redis. */
const freshAccount = (world: World, prefix: string, events: number) => {
  const username = `${prefix}-${randomBytes(4).toString("hex")}`
  const account = world.sim.createAccount({ username, apiToken: `tk-us-${randomBytes(24).toString("hex")}` })
  world.sim.addApp(username, "osc-fr1", { name: `${prefix}-app` })
  world.sim.addAppEvents(username, "osc-fr1", `${prefix}-app`, events)
  return account
}

/**
 * Two replicas on a fresh PostgreSQL schema and the test Redis, for one describe block: `setup()`
 * reads them inside tests; the block's hooks start and stop them.
 */
const twoReplicas = (options: { simulator?: WorldOptions["simulator"]; env?: Record<string, string> } = {}) => {
  const replicas = {} as { world: World; replicaB: BotProcess }
  let drop: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const database = await freshSchema()
    drop = database.drop
    const world = await startWorld({
      ...(options.simulator !== undefined ? { simulator: options.simulator } : {}),
      env: { DATABASE_URL: database.url, REDIS_URL: testRedisUrl!, ...options.env }
    })
    Object.assign(replicas, { world, replicaB: await world.startAnother() })
  }, 60_000)
  afterAll(async () => {
    await replicas.world?.close()
    await drop?.()
  })
  return replicas
}

/** A slash command to one replica, and the private reply it sent. */
const ask = async (world: World, bot: BotProcess, text: string, userId: string) => {
  const responseUrl = world.slack.responseUrl()
  expect((await sendSlashCommand(bot.url, SIGNING_SECRET, { text, userId, responseUrl })).status).toBe(200)
  const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
    timeoutMs: 20_000
  })
  return readable((reply as { body: unknown }).body)
}

describe.skipIf(skipReason !== undefined)(
  "two replicas on one PostgreSQL database and one Redis: people and buttons",
  () => {
    const replicas = twoReplicas()

    it("a person who links on replica A is served by replica B", async () => {
      const { world, replicaB } = replicas
      const account = freshAccount(world, "linked", 3)
      expect(await ask(world, world.bot, `login ${account.apiToken}`, "U-BOTH")).toContain(account.username)
      expect(await ask(world, replicaB, "whoami", "U-BOTH")).toContain(`*${account.username}*`)
      expect(await ask(world, replicaB, "apps", "U-BOTH")).toContain("linked-app")
    })

    it("a Next click on a page replica A posted is served by replica B (A is gone), in the same thread", async () => {
      const { world, replicaB } = replicas
      const account = freshAccount(world, "paged", 47)
      await ask(world, world.bot, `login ${account.apiToken}`, "U-PAGER")
      const since = world.slack.calls.length
      await sendSlashCommand(world.bot.url, SIGNING_SECRET, {
        text: "events paged-app",
        userId: "U-PAGER",
        responseUrl: world.slack.responseUrl()
      })
      await world.slack.waitForCall(
        "chat.postMessage",
        (c) => world.slack.calls.indexOf(c) >= since && c.params.thread_ts === undefined,
        { timeoutMs: 20_000 }
      )
      const first = await world.slack.waitForCall(
        "chat.postMessage",
        (c) => world.slack.calls.indexOf(c) >= since && c.params.thread_ts !== undefined,
        { timeoutMs: 20_000 }
      )
      const next = buttonsOf(first.params as never, "events_page").find((b) => b.text.startsWith("Next"))!
      expect(await world.bot.stop("SIGTERM")).toBe(0) // nothing replica A kept in memory can help now

      const clicked = world.slack.calls.length
      const reply = await sendBlockAction(replicaB.url, SIGNING_SECRET, {
        actionId: "events_page",
        value: next.value,
        userId: "U-PAGER",
        channelId: String(first.params.channel),
        messageTs: "1700000001.000001",
        threadTs: String(first.params.thread_ts),
        responseUrl: world.slack.responseUrl()
      })
      expect(reply.status).toBe(200)
      const second = await world.slack.waitForCall("chat.postMessage", (c) => world.slack.calls.indexOf(c) >= clicked, {
        timeoutMs: 20_000
      })
      expect(second.params.thread_ts).toBe(first.params.thread_ts)
      expect(second.params.channel).toBe(first.params.channel)
      expect(readable(second.params)).toContain("Page 2 of 3")
    })
  }
)

describe.skipIf(skipReason !== undefined)("two replicas on one Redis: one account's Scalingo budget is shared", () => {
  // 24, not 20: below 22 a minute the bot's refill interval (61 s / (N - burst)) exceeds the 3 s it is willing to
  // wait, so a fresh account's login (token exchange + users/self, back to back) is refused on its first attempt.
  const PER_MINUTE = 24
  const HAMMER_FOR_MS = 35_000
  // The simulator enforces the same limit over its real 60 s sliding window.
  const replicas = twoReplicas({
    simulator: { requestsPerMinute: PER_MINUTE },
    env: { SCALINGO_REQUESTS_PER_MINUTE: String(PER_MINUTE) }
  })

  it(`an account hammering both replicas for ${HAMMER_FOR_MS / 1000} s stays within one budget of ` +
    `${PER_MINUTE} a minute: no 429, never more than ${PER_MINUTE} in any 60 s`, async () => {
    const { world, replicaB } = replicas
    const account = freshAccount(world, "hammer", 47)
    expect(await ask(world, world.bot, `login ${account.apiToken}`, "U-HAMMER")).toContain(account.username)
    const answers = { CREPLICAA: new Set<string>(), CREPLICAB: new Set<string>() }
    const hammer = async (bot: BotProcess, channelId: keyof typeof answers) => {
      const until = Date.now() + HAMMER_FOR_MS
      while (Date.now() < until) {
        const responseUrl = world.slack.responseUrl()
        answers[channelId].add(responseUrl.split("/").pop()!)
        await sendSlashCommand(bot.url, SIGNING_SECRET, {
          text: "events hammer-app",
          userId: "U-HAMMER",
          channelId,
          responseUrl
        })
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
    await Promise.all([hammer(world.bot, "CREPLICAA"), hammer(replicaB, "CREPLICAB")])
    // Let the last waiting requests finish before reading the log.
    let seen = -1
    await eventually(
      () => {
        const now = world.sim.requests.length
        const stable = now === seen
        seen = now
        return stable
      },
      15_000,
      1_500
    )

    const made = world.sim.requests.filter((r) => r.account === account.username)
    const served = (channel: string) =>
      world.slack.calls.filter(
        (c) => c.method === "chat.postMessage" && c.params.channel === channel && c.params.thread_ts !== undefined
      ).length
    const budgetAnswers = (replica: keyof typeof answers) =>
      world.slack.responses
        .filter((r) => answers[replica].has(r.id))
        .map((r) => readable(r.body))
        .filter((t) => t.includes("request budget"))
    const exchanges = made.filter((r) => r.path === "/v1/tokens/exchange").length
    console.info(
      `shared budget: ${made.length} requests reached Scalingo (max ${maxInAnyWindow(made, 60_000)} in 60 s, ` +
        `${exchanges} exchanges); ` +
        `pages posted A=${served("CREPLICAA")} B=${served("CREPLICAB")}; budget answers ` +
        `A=${budgetAnswers("CREPLICAA").length}/${answers.CREPLICAA.size} ` +
        `B=${budgetAnswers("CREPLICAB").length}/${answers.CREPLICAB.size}`
    )

    expect(made.filter((r) => r.status === 429)).toEqual([])
    expect(maxInAnyWindow(made, 60_000)).toBeLessThanOrEqual(PER_MINUTE)
    // Not vacuous: pages were served, and both replicas answered and were held back by the budget. With a
    // budget of its own, each replica would have served pages from its own burst and refills (and, together,
    // gone past the limit); here whichever asks when the shared bucket has a slot gets it, even if that
    // leaves one replica with none.
    expect(exchanges).toBeGreaterThanOrEqual(1)
    expect(served("CREPLICAA") + served("CREPLICAB")).toBeGreaterThan(0)
    for (const replica of ["CREPLICAA", "CREPLICAB"] as const) {
      expect(budgetAnswers(replica).length, replica).toBeGreaterThan(0)
      for (const text of budgetAnswers(replica)) expect(text).toMatch(BUDGET_SENTENCE)
    }
  }, 85_000)
})
