import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Exit, Layer, Option, Redacted, TestClock } from "effect"
import { Redis } from "ioredis"
import { ScalingoSettings } from "../../src/scalingo/ScalingoSettings.js"
import { budgetPlan } from "../../src/scalingo/budgetPlan.js"
import { RequestBudgetRedis } from "../../src/scalingo/RequestBudget.js"
import { UsersApi } from "../../src/scalingo/UsersApi.js"
import type { SimRequest } from "../../src/simulator/index.js"
import {
  accountOf,
  type ClientSetup,
  clientLayer,
  fastOptions,
  fieldsOf,
  settingsFor,
  simulator,
  unusedLoopbackUrl
} from "./scalingoTestKit.js"

/** The most requests found in any window `(t - windowMs, t]` (the simulator's sliding window). */
const busiestWindow = (requests: ReadonlyArray<SimRequest>, windowMs: number): number =>
  Math.max(0, ...requests.map((r) => requests.filter((o) => o.at > r.at - windowMs && o.at <= r.at).length))

describe("the budget plan", () => {
  it("keeps any sliding window under the limit, allowing for jitter, while using 90% of the limit", () => {
    for (const perWindow of [10, 30, 60]) {
      const plan = budgetPlan(perWindow, "60 seconds", "1 second")
      // Starts within a window stretched by the jitter allowance: the burst plus every refill that may fall inside it.
      const startsWithinStretchedWindow = plan.burst + Math.ceil(61_000 / Duration.toMillis(plan.refill))
      expect(startsWithinStretchedWindow).toBeLessThanOrEqual(perWindow)
      // Small budgets pay more for the margin and the burst of 2: 79% at 10 a minute, 93% at 60.
      expect(plan.sustained / perWindow).toBeGreaterThanOrEqual(perWindow >= 30 ? 0.9 : 0.75)
    }
    const single = budgetPlan(1, "60 seconds", "1 second")
    expect(single.burst).toBe(1)
    expect(Duration.toMillis(single.refill)).toBe(61_000)
    // A small budget still lets a first request and its token exchange through at once.
    expect(budgetPlan(10, "60 seconds", "1 second").burst).toBe(2)
  })
})

describe("request budget", () => {
  it.scopedLive(
    "200 requests for one account never exceed the budget in any window and draw no 429",
    () =>
      Effect.gen(function* () {
        const perWindow = 40
        const sim = yield* simulator({ requestsPerMinute: perWindow, rateWindowMs: 1_000 })
        const alice = accountOf(sim, "alice")
        yield* Effect.provide(
          Effect.gen(function* () {
            const users = yield* UsersApi
            // Warm up (bearer, connections) and let the window pass, so cold-start stalls do not bunch the first requests.
            yield* users.self(alice)
            yield* Effect.sleep("1100 millis")
            yield* Effect.all(
              Array.from({ length: 200 }, () => users.self(alice)),
              { concurrency: "unbounded" }
            )
          }),
          clientLayer(sim, {
            settings: { requestsPerMinute: perWindow },
            options: {
              budgetWindow: "1 second",
              budgetJitterAllowance: "200 millis",
              maxBudgetWait: "60 seconds",
              retryWithin: "60 seconds"
            }
          })
        )

        const seen = sim.requests.filter((r) => r.account === "alice")
        expect(seen).toHaveLength(202) // 1 exchange + 201 reads: the exchange counts too
        expect(seen.filter((r) => r.status === 429)).toHaveLength(0)
        expect(busiestWindow(seen, 1_000)).toBeLessThanOrEqual(perWindow)
      }),
    { timeout: 60_000 }
  )

  it.scoped(
    "a budget wait longer than maxBudgetWait fails at once with RateLimited from the budget, and two accounts do not share a budget",
    () =>
      Effect.gen(function* () {
        // 60 a minute: a burst of 3, then one every 1.07 s. The TestClock never moves by itself, so a wait would hang.
        const sim = yield* simulator()
        const [alice, bob] = [accountOf(sim, "alice"), accountOf(sim, "bob")]
        yield* Effect.provide(
          Effect.gen(function* () {
            const users = yield* UsersApi
            for (let i = 0; i < 2; i++) yield* users.self(alice) // + 1 exchange = the burst of 3
            const spent = yield* Effect.flip(users.self(alice))
            expect(fieldsOf(spent)).toMatchObject({ _tag: "RateLimited", source: "budget", retryAfterSeconds: 2 })
            // The refused request gave its slot back: asking again is told the same, not later.
            expect(fieldsOf(yield* Effect.flip(users.self(alice)))).toMatchObject({ retryAfterSeconds: 2 })

            expect((yield* users.self(bob)).username).toBe("bob")

            yield* TestClock.adjust("1200 millis")
            expect((yield* users.self(alice)).username).toBe("alice")
          }),
          clientLayer(sim, {
            settings: { requestsPerMinute: 60 },
            options: { budgetWindow: "60 seconds", maxBudgetWait: "500 millis" }
          })
        )

        expect(sim.requests.filter((r) => r.account === "alice")).toHaveLength(4)
      })
  )

  it.live(
    "an unreachable Redis fails the budget at start with a readable error",
    () =>
      Effect.gen(function* () {
        const nowhere = (yield* unusedLoopbackUrl).replace("http://", "redis://")
        const exit = yield* Effect.exit(
          Effect.scoped(Layer.build(RequestBudgetRedis(Redacted.make(nowhere)))).pipe(
            Effect.provide(
              ScalingoSettings.make({
                ...settingsFor({ authUrl: "http://127.0.0.1:1" }),
                redisUrl: Option.some(Redacted.make(nowhere))
              })
            )
          )
        )
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) expect(String(exit.cause)).toContain("Redis did not answer")
      }),
    { timeout: 20_000 }
  )
})

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.warn("TEST_REDIS_URL is not set: skipping the shared Redis budget test")

describe.skipIf(!redisUrl)("request budget in Redis", () => {
  it.scopedLive(
    "the Redis store enforces one budget across two separately built client layers",
    () =>
      Effect.gen(function* () {
        const prefix = `test-budget-${process.pid}-${Date.now()}:`
        yield* Effect.addFinalizer(() =>
          Effect.promise(async () => {
            const redis = new Redis(redisUrl!)
            const keys = await redis.keys(`*${prefix}*`)
            if (keys.length > 0) await redis.del(...keys)
            await redis.quit()
          })
        )
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        // 60 per 10 minutes: a burst of 3, then one every 11 s, so nothing refills during the test.
        const setup: ClientSetup = {
          settings: { requestsPerMinute: 60, redisUrl: Option.some(Redacted.make(redisUrl!)) },
          options: { ...fastOptions, budgetKeyPrefix: prefix, budgetWindow: "600 seconds", maxBudgetWait: "500 millis" }
        }
        const selfAsAlice = Effect.flatMap(UsersApi, (users) => users.self(alice))

        yield* Effect.provide(Effect.repeatN(selfAsAlice, 1), clientLayer(sim, setup)) // 1 exchange + 2 reads
        const other = yield* Effect.provide(Effect.flip(selfAsAlice), clientLayer(sim, setup))

        expect(fieldsOf(other)).toMatchObject({ _tag: "RateLimited", source: "budget" })
        expect(sim.requests.filter((r) => r.account === "alice")).toHaveLength(3)
      }),
    { timeout: 30_000 }
  )
})
