import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, TestClock } from "effect"
import { MemoryBudgetLog } from "../../src/scalingo/budgetLog.js"
import { type BudgetWait, BudgetWaitNotice } from "../../src/scalingo/BudgetWaitNotice.js"
import { RequestBudgetMemory } from "../../src/scalingo/RequestBudget.js"
import { UsersApi } from "../../src/scalingo/UsersApi.js"
import { accountOf, busiestWindow, clientLayer, fieldsOf, simulator } from "./scalingoTestKit.js"

describe("request budget", () => {
  it.scopedLive(
    "120 requests at once for one account never exceed the budget in any window and draw no 429",
    () =>
      Effect.gen(function* () {
        const perWindow = 40
        const sim = yield* simulator({ requestsPerMinute: perWindow, rateWindowMs: 2_000 })
        const alice = accountOf(sim, "alice")
        const outcomes = yield* Effect.provide(
          Effect.gen(function* () {
            const users = yield* UsersApi
            // Warm up (bearer, a connection) and let the window pass, so the first burst is all of the budget.
            yield* users.self(alice)
            yield* Effect.sleep("3100 millis")
            return yield* Effect.all(
              Array.from({ length: 120 }, () => Effect.either(users.self(alice))),
              { concurrency: "unbounded" }
            )
          }),
          clientLayer(sim, {
            settings: { requestsPerMinute: perWindow },
            // 40 sent at once reach Scalingo over a while on a busy machine (the simulator shares the
            // test's event loop): up to ~0.6 s was seen at a load average of 11 on 2 cores.
            options: {
              budgetWindow: "2 seconds",
              budgetJitterAllowance: "1 second",
              maxBudgetWait: "60 seconds",
              requestTimeout: "5 seconds"
            }
          })
        )

        const seen = sim.requests.filter((r) => r.account === "alice")
        const timeline = seen.map((r) => `${r.at - seen[0]!.at}:${r.status}`).join(" ")
        expect(
          seen.filter((r) => r.status === 429).map((r) => r.at - seen[0]!.at),
          timeline
        ).toEqual([])
        expect(outcomes.filter(Either.isLeft).map((o) => fieldsOf(o.left))).toEqual([])
        expect(seen).toHaveLength(122) // 1 exchange + 121 reads: the exchange counts too
        expect(seen.filter((r) => r.status === 429)).toHaveLength(0)
        expect(busiestWindow(seen, 2_000)).toBeLessThanOrEqual(perWindow)
      }),
    { timeout: 60_000 }
  )

  it.scopedLive("defect 16: 20 requests at once by one account are all served, since Scalingo takes 60 a minute", () =>
    Effect.gen(function* () {
      const sim = yield* simulator({ requestsPerMinute: 60 })
      const alice = accountOf(sim, "alice")
      const outcomes = yield* Effect.provide(
        Effect.flatMap(UsersApi, (users) =>
          Effect.all(
            Array.from({ length: 20 }, () => Effect.either(users.self(alice))),
            { concurrency: "unbounded" }
          )
        ),
        clientLayer(sim, { settings: { requestsPerMinute: 60 } })
      )

      expect(outcomes.filter(Either.isLeft).map((o) => fieldsOf(o.left))).toEqual([])
      expect(sim.requests.filter((r) => r.status === 429)).toEqual([])
    })
  )

  it.scopedLive(
    "defect 16: past the budget, requests wait their turn, and the ones whose turn is too far are told when to retry",
    () =>
      Effect.gen(function* () {
        // 5 per 2 s, each next send 2.5 s after the 5th before it; nobody waits longer than 3 s.
        const sim = yield* simulator({ requestsPerMinute: 5, rateWindowMs: 2_000 })
        const alice = accountOf(sim, "alice")
        const notices: Array<BudgetWait> = []
        const outcomes = yield* Effect.gen(function* () {
          const users = yield* UsersApi
          yield* users.self(alice) // the exchange and one read
          yield* Effect.sleep("2600 millis")
          sim.clearRequests()
          return yield* Effect.all(
            Array.from({ length: 12 }, () => Effect.either(users.self(alice))),
            { concurrency: "unbounded" }
          )
        }).pipe(
          Effect.provideService(BudgetWaitNotice, (wait) => Effect.sync(() => notices.push(wait))),
          Effect.provide(
            clientLayer(sim, {
              settings: { requestsPerMinute: 5 },
              options: {
                budgetWindow: "2 seconds",
                budgetJitterAllowance: "500 millis",
                maxBudgetWait: "3 seconds",
                budgetNoticeAfter: "1 second"
              }
            })
          )
        )

        // Served too: the five that waited 2.5 s in line with a 1 s request timeout, which counts from the send.
        const served = outcomes.filter(Either.isRight)
        const refused = outcomes.filter(Either.isLeft).map((o) => fieldsOf(o.left))
        expect(served).toHaveLength(10)
        expect(refused).toHaveLength(2)
        for (const r of refused) expect(r).toMatchObject({ _tag: "RateLimited", source: "budget" })
        for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(4)
        // Five went at once, five waited their turn: the second group reached Scalingo a whole window after the first.
        const times = sim.requests.map((r) => r.at).sort((a, b) => a - b)
        expect(times[5]! - times[0]!).toBeGreaterThanOrEqual(2_000)
        expect(busiestWindow(sim.requests, 2_000)).toBeLessThanOrEqual(5)
        expect(sim.requests.filter((r) => r.status === 429)).toEqual([])
        // Each of the five that waited was told once, with its place in line and about how long.
        expect(notices.map((n) => n.ahead).sort()).toEqual([0, 1, 2, 3, 4])
        for (const n of notices) expect(n.waitSeconds).toBeGreaterThanOrEqual(1)
      }),
    { timeout: 30_000 }
  )

  it.scoped(
    "a turn further than maxBudgetWait fails at once with RateLimited{budget}; two accounts never share a budget",
    () =>
      Effect.gen(function* () {
        // 3 per 60 s (+3 s allowance). The TestClock never moves by itself, so a wait would hang.
        const sim = yield* simulator()
        const [alice, bob] = [accountOf(sim, "alice"), accountOf(sim, "bob")]
        yield* Effect.provide(
          Effect.gen(function* () {
            const users = yield* UsersApi
            for (let i = 0; i < 2; i++) yield* users.self(alice) // + 1 exchange = the budget
            const spent = yield* Effect.flip(users.self(alice))
            expect(fieldsOf(spent)).toMatchObject({ _tag: "RateLimited", source: "budget", retryAfterSeconds: 63 })
            // The refused request booked nothing: asking again is told the same, not later.
            expect(fieldsOf(yield* Effect.flip(users.self(alice)))).toMatchObject({ retryAfterSeconds: 63 })

            expect((yield* users.self(bob)).username).toBe("bob")

            yield* TestClock.adjust("63 seconds")
            expect((yield* users.self(alice)).username).toBe("alice")
          }),
          clientLayer(sim, {
            settings: { requestsPerMinute: 3 },
            options: { budgetWindow: "60 seconds", maxBudgetWait: "500 millis" }
          })
        )

        expect(sim.requests.filter((r) => r.account === "alice")).toHaveLength(4)
      })
  )

  it.scoped("defect 11: the in-memory budget forgets accounts that have been idle for a whole window", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const log = new MemoryBudgetLog()
      const accounts = Array.from({ length: 40 }, (_, i) =>
        accountOf(sim, sim.createAccount({ username: `idle-${i}` }).username)
      )
      yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          yield* Effect.forEach(accounts, (account) => users.self(account), { concurrency: 8 })
          expect(log.size).toBe(40)
          yield* TestClock.adjust("64 seconds")
          yield* users.self(accountOf(sim, "alice"))
        }),
        clientLayer(sim, { budget: RequestBudgetMemory(log), options: { budgetWindow: "60 seconds" } })
      )

      // Only the account used last is remembered: counting keys, not bytes.
      expect(log.size).toBe(1)
    })
  )
})
