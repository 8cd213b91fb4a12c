import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { AroundScalingoWait } from "../../src/scalingo/BudgetWaitNotice.js"
import { BearerTokens } from "../../src/scalingo/BearerTokens.js"
import { UsersApi } from "../../src/scalingo/UsersApi.js"
import { accountOf, clientLayer, exchangesOf, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

describe("bearer tokens", () => {
  it.scopedLive("100 concurrent requests for one account with no bearer cause exactly 1 exchange", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const users = yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          return yield* Effect.all(
            Array.from({ length: 100 }, () => users.self(alice)),
            { concurrency: "unbounded" }
          )
        }),
        clientLayer(sim)
      )

      expect(users.every((user) => user.username === "alice")).toBe(true)
      expect(exchangesOf(sim, "alice")).toHaveLength(1)
      expect(requestsTo(sim, { host: "auth", path: "/v1/users/self" })).toHaveLength(100)
    })
  )

  it.scopedLive("an expired bearer is replaced by exactly 1 exchange, however many requests need it", () =>
    Effect.gen(function* () {
      // Bearers live 2 s; the client replaces them 1 s before expiry, so after 1.2 s a fresh one is due.
      const sim = yield* simulator({ bearerTtlSeconds: 2 })
      const alice = accountOf(sim, "alice")
      yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          yield* users.self(alice)
          expect(exchangesOf(sim, "alice")).toHaveLength(1)
          yield* Effect.sleep("1200 millis")
          yield* Effect.all(
            Array.from({ length: 20 }, () => users.self(alice)),
            { concurrency: "unbounded" }
          )
        }),
        clientLayer(sim, { options: { bearerRefreshMargin: "1 second" } })
      )

      expect(exchangesOf(sim, "alice")).toHaveLength(2)
      expect(requestsTo(sim, { path: "/v1/users/self" }).every((r) => r.status === 200)).toBe(true)
    })
  )

  it.scopedLive("a bearer Scalingo no longer accepts is refreshed once for all the requests that hit the 401", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          yield* users.self(alice)
          sim.expireBearers()
          const again = yield* Effect.all(
            Array.from({ length: 20 }, () => users.self(alice)),
            { concurrency: "unbounded" }
          )
          expect(again.every((user) => user.username === "alice")).toBe(true)
        }),
        clientLayer(sim)
      )

      expect(exchangesOf(sim, "alice")).toHaveLength(2)
    })
  )

  it.scopedLive("a persistent 401 causes one refresh and one retry, never a loop, and ends Unauthorized", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({
        host: "osc-fr1",
        method: "GET",
        path: "/v1/apps/alice-web",
        status: 401,
        body: JSON.stringify({ error: "not authorized" })
      })
      const error = yield* Effect.provide(
        Effect.gen(function* () {
          const apps = yield* AppsApi
          yield* (yield* BearerTokens).bearer(alice)
          return yield* Effect.flip(apps.show(alice, "osc-fr1", "alice-web"))
        }),
        clientLayer(sim)
      )

      expect(error._tag).toBe("Unauthorized")
      expect(requestsTo(sim, { host: "osc-fr1", path: "/v1/apps/alice-web" })).toHaveLength(2)
      expect(exchangesOf(sim, "alice")).toHaveLength(2)
    })
  )

  it.scopedLive("a revoked API token ends in TokenRejected", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.revokeToken(sim.accounts.alice!.apiToken)
      const error = yield* Effect.provide(
        Effect.flatMap(UsersApi, (users) => Effect.flip(users.self(alice))),
        clientLayer(sim)
      )

      expect(fieldsOf(error)).toMatchObject({ _tag: "TokenRejected" })
      expect(String(error)).not.toContain(sim.accounts.alice!.apiToken)
      expect(exchangesOf(sim, "alice")).toHaveLength(1)
    })
  )

  it.scopedLive("forgetting an account drops its bearer so the next request exchanges again", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          const tokens = yield* BearerTokens
          yield* users.self(alice)
          yield* tokens.forget(alice)
          yield* users.self(alice)
        }),
        clientLayer(sim)
      )

      expect(exchangesOf(sim, "alice")).toHaveLength(2)
    })
  )

  it.scopedLive("a caller giving up does not cancel the exchange other requests are waiting for", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "auth", path: "/v1/tokens/exchange", latencyMs: 300, times: 1 })
      const user = yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          const impatient = yield* Effect.fork(users.self(alice))
          const patient = yield* Effect.fork(users.self(alice))
          yield* Effect.sleep("50 millis")
          yield* Fiber.interrupt(impatient)
          return yield* Fiber.join(patient)
        }),
        clientLayer(sim)
      )

      expect(user.username).toBe("alice")
      expect(exchangesOf(sim, "alice")).toHaveLength(1)
    })
  )

  it.scopedLive("a failed exchange is not cached: the next request exchanges again", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      // Failing until cleared, so the test does not depend on how many retries fit in the time bound.
      sim.faults.add({ host: "auth", path: "/v1/tokens/exchange", status: 500 })
      yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          const error = yield* Effect.flip(users.self(alice))
          expect(error._tag).toBe("ScalingoUnavailable")
          // The shared exchange may still be retrying after this caller gave up (by design, for the
          // requests waiting on it): let it finish failing before Scalingo recovers.
          let seen = -1
          while (exchangesOf(sim, "alice").length !== seen) {
            seen = exchangesOf(sim, "alice").length
            yield* Effect.sleep("400 millis")
          }
          sim.faults.clear()
          expect((yield* users.self(alice)).username).toBe("alice")
        }),
        clientLayer(sim, { options: { maxAttempts: 4 } })
      )

      const statuses = exchangesOf(sim, "alice").map((r) => r.status)
      expect(statuses.at(-1)).toBe(200)
      expect(statuses.slice(0, -1).length).toBeGreaterThanOrEqual(1)
      expect(statuses.slice(0, -1).every((status) => status === 500)).toBe(true)
    })
  )

  it.scopedLive("a bearer already cached is used as it is: the caller keeps its work turn (no wait wrapped)", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      let waits = 0
      const counted = <A, E, R>(wait: Effect.Effect<A, E, R>) =>
        Effect.zipRight(
          Effect.sync(() => waits++),
          wait
        )
      const [first, second] = yield* Effect.provide(
        Effect.gen(function* () {
          const users = yield* UsersApi
          const once = () => Effect.provideService(users.self(alice), AroundScalingoWait, counted)
          const first = yield* once().pipe(Effect.zipRight(Effect.sync(() => waits)))
          const second = yield* once().pipe(Effect.zipRight(Effect.sync(() => waits)))
          return [first, second] as const
        }),
        clientLayer(sim)
      )
      // The first request waited for the exchange (a miss); the second found the bearer and did not wait.
      expect(first).toBe(1)
      expect(second).toBe(1)
      expect(exchangesOf(sim, "alice")).toHaveLength(1)
    })
  )
})
