import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Exit, Layer, Logger, Option, Redacted, Scope } from "effect"
import { Redis } from "ioredis"
import { vi } from "vitest"
import { MemoryBudgetLog } from "../../src/scalingo/budgetLog.js"
import { RequestBudgetRedis } from "../../src/scalingo/RequestBudget.js"
import { ScalingoSettings } from "../../src/scalingo/ScalingoSettings.js"
import { UsersApi } from "../../src/scalingo/UsersApi.js"
import { silentTcpServer, switchableProxy } from "./loopbackPeers.js"
import {
  accountOf,
  busiestWindow,
  type ClientSetup,
  clientLayer,
  fastOptions,
  fieldsOf,
  settingsFor,
  simulator,
  unusedLoopbackUrl
} from "./scalingoTestKit.js"

/** Builds the Redis budget alone, as the bot does at start. */
const buildBudget = (url: string) =>
  Effect.scoped(Layer.build(RequestBudgetRedis(Redacted.make(url)))).pipe(
    Effect.provide(
      ScalingoSettings.make({
        ...settingsFor({ authUrl: "http://127.0.0.1:1" }),
        redisUrl: Option.some(Redacted.make(url))
      })
    )
  )

describe("request budget in Redis, when Redis fails", () => {
  it.live(
    "an unreachable Redis fails the budget at start with a readable error, and ioredis prints no unhandled error",
    () =>
      Effect.gen(function* () {
        const printed = vi.spyOn(console, "error")
        const nowhere = (yield* unusedLoopbackUrl).replace("http://", "redis://")
        const exit = yield* Effect.exit(buildBudget(nowhere))
        yield* Effect.sleep("300 millis") // ioredis keeps reconnecting for a moment after quit is asked
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) expect(String(exit.cause)).toContain("Redis did not answer")
        expect(printed.mock.calls.map((c) => String(c[0])).filter((t) => t.includes("Unhandled error"))).toEqual([])
        printed.mockRestore()
      }),
    { timeout: 20_000 }
  )

  it.scopedLive(
    "defect 1: a Redis that accepts connections and never answers fails the start in bounded time",
    () =>
      Effect.gen(function* () {
        const silent = yield* silentTcpServer
        const started = Date.now()
        const exit = yield* Effect.exit(buildBudget(silent.url))
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) expect(String(exit.cause)).toContain("Redis did not answer")
        // The start-up check gives up after 5 s and shutting ioredis down is bounded too.
        expect(Date.now() - started).toBeLessThan(9_500)
      }),
    { timeout: 20_000 }
  )
})

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.warn("TEST_REDIS_URL is not set: skipping the shared Redis budget tests")

describe.skipIf(!redisUrl)("request budget in Redis", () => {
  const prefix = `test-budget-${process.pid}-${Date.now()}:`
  const redis = () => new Redis(redisUrl!)
  const cleanUp = Effect.addFinalizer(() =>
    Effect.promise(async () => {
      const client = redis()
      const keys = await client.keys(`${prefix}*`)
      if (keys.length > 0) await client.del(...keys)
      await client.quit()
    })
  )
  const setupFor = (url: string, options: ClientSetup["options"] = {}): ClientSetup => ({
    settings: { requestsPerMinute: 3, redisUrl: Option.some(Redacted.make(url)) },
    options: {
      ...fastOptions,
      budgetKeyPrefix: prefix,
      budgetWindow: "600 seconds",
      maxBudgetWait: "500 millis",
      ...options
    }
  })

  it.scopedLive(
    "one budget across two separately built client layers, whose key in Redis expires",
    () =>
      Effect.gen(function* () {
        yield* cleanUp
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        const selfAsAlice = Effect.flatMap(UsersApi, (users) => users.self(alice))

        // 1 exchange + 2 reads spend the budget of 3.
        yield* Effect.provide(Effect.repeatN(selfAsAlice, 1), clientLayer(sim, setupFor(redisUrl!)))
        const other = yield* Effect.provide(Effect.flip(selfAsAlice), clientLayer(sim, setupFor(redisUrl!)))

        expect(fieldsOf(other)).toMatchObject({ _tag: "RateLimited", source: "budget" })
        expect(sim.requests.filter((r) => r.account === "alice")).toHaveLength(3)
        const ttl = yield* Effect.promise(() => redis().pttl(`${prefix}${alice.key}`))
        expect(ttl).toBeGreaterThan(0)
        expect(ttl).toBeLessThanOrEqual(603_000) // the window and the jitter allowance, no longer
      }),
    { timeout: 30_000 }
  )

  it.scopedLive("defect 11: with Redis, this replica's local copy of the budget forgets idle accounts too", () =>
    Effect.gen(function* () {
      yield* cleanUp
      const sim = yield* simulator()
      const log = new MemoryBudgetLog()
      const accounts = Array.from({ length: 10 }, (_, i) =>
        accountOf(sim, sim.createAccount({ username: `mirror-${i}` }).username)
      )
      const setup = setupFor(redisUrl!, { budgetWindow: "300 millis", budgetJitterAllowance: "0 millis" })
      yield* Effect.gen(function* () {
        const users = yield* UsersApi
        yield* Effect.forEach(accounts, (account) => users.self(account), { concurrency: 5 })
        expect(log.size).toBe(10)
        yield* Effect.sleep("400 millis")
        yield* users.self(accountOf(sim, "alice"))
      }).pipe(
        Effect.provide(
          clientLayer(sim, {
            ...setup,
            settings: { ...setup.settings, requestsPerMinute: 100 },
            budget: RequestBudgetRedis(Redacted.make(redisUrl!), log)
          })
        )
      )
      expect(log.size).toBe(1)
    })
  )

  it.scopedLive(
    "defect 16: two replicas asking at once share the budget: all of it used, never more in any window, no 429",
    () =>
      Effect.gen(function* () {
        yield* cleanUp
        const sim = yield* simulator({ requestsPerMinute: 20, rateWindowMs: 2_000 })
        const alice = accountOf(sim, "alice")
        const setup = setupFor(redisUrl!, {
          budgetWindow: "2 seconds",
          budgetJitterAllowance: "500 millis",
          maxBudgetWait: "4 seconds",
          requestTimeout: "5 seconds"
        })
        const replica = Effect.flatMap(UsersApi, (users) =>
          Effect.all(
            Array.from({ length: 30 }, () => Effect.either(users.self(alice))),
            { concurrency: "unbounded" }
          )
        ).pipe(Effect.provide(clientLayer(sim, { ...setup, settings: { ...setup.settings, requestsPerMinute: 20 } })))
        const [a, b] = yield* Effect.all([replica, replica], { concurrency: 2 })

        const seen = sim.requests.filter((r) => r.account === "alice")
        expect(seen.filter((r) => r.status === 429)).toEqual([])
        expect(busiestWindow(seen, 2_000)).toBeLessThanOrEqual(20)
        // Two windows' worth served (less the two exchanges), the rest told when to retry.
        const served = [...a, ...b].filter(Either.isRight).length
        expect(served).toBeGreaterThanOrEqual(36)
        for (const o of [...a, ...b].filter(Either.isLeft)) expect(fieldsOf(o.left)).toMatchObject({ source: "budget" })
      }),
    { timeout: 30_000 }
  )

  it.scopedLive(
    "defect 1: Redis going silent falls back to this replica's budget in bounded time, and shutdown stays bounded",
    () =>
      Effect.gen(function* () {
        yield* cleanUp
        const proxy = yield* switchableProxy(redisUrl!)
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        const warnings: Array<string> = []
        const recordWarnings = Logger.replace(
          Logger.defaultLogger,
          Logger.make(({ logLevel, message }) => {
            if (logLevel._tag === "Warning") warnings.push(String(message))
          })
        )
        // Built in a scope of its own, so closing it (what SIGTERM does) can be timed.
        const scope = yield* Scope.make()
        const setup = setupFor(proxy.url, { budgetStoreTimeout: "300 millis" })
        const layer = clientLayer(sim, { ...setup, settings: { ...setup.settings, requestsPerMinute: 1_000 } })
        const context = yield* Layer.buildWithScope(layer, scope)
        const self = Effect.flatMap(UsersApi, (users) => users.self(alice)).pipe(Effect.provide(context))
        yield* self // through Redis
        proxy.goSilent()

        const started = Date.now()
        const users = yield* Effect.all([self, self, self, self, self], { concurrency: "unbounded" }).pipe(
          Effect.provide(recordWarnings)
        )
        expect(users.map((u) => u.username)).toEqual(Array(5).fill("alice"))
        expect(Date.now() - started).toBeLessThan(3_000)
        expect(warnings.filter((w) => w.includes("counting on this replica only"))).toHaveLength(1)

        const closing = Date.now()
        yield* Scope.close(scope, Exit.void)
        expect(Date.now() - closing).toBeLessThan(4_000)
      }),
    { timeout: 30_000 }
  )
})
