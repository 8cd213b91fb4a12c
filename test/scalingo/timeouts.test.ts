import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Fiber } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { UsersApi } from "../../src/scalingo/UsersApi.js"
import { accountOf, clientLayer, exchangesOf, fieldsOf, simulator } from "./scalingoTestKit.js"

/** Short bounds: an attempt is cut after 300 ms, a call's retries end within 1 s of its first send. */
const shortBounds = { requestTimeout: "300 millis", retryWithin: "1 second", maxAttempts: 3 } as const

/** Far longer than any bound above: a peer this slow must never be waited for. */
const SLOW_MS = 8_000

const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.timed(effect), ([duration, value]) => ({ millis: Duration.toMillis(duration), value }))

describe("every Scalingo call ends within its bound", () => {
  it.scopedLive("defect 1: a token exchange with a slow auth host is cut by its timeout, not waited for", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "auth", path: "/v1/tokens/exchange", latencyMs: SLOW_MS })
      const started = Date.now()
      const error = yield* Effect.flatMap(UsersApi, (users) => Effect.flip(users.self(alice))).pipe(
        Effect.provide(clientLayer(sim, { options: shortBounds }))
      )

      expect(fieldsOf(error)).toMatchObject({
        _tag: "ScalingoUnavailable",
        reason: "timeout",
        request: "POST /v1/tokens/exchange"
      })
      expect(Date.now() - started).toBeLessThan(SLOW_MS / 2)
    })
  )

  it.scopedLive("defect 1: a regions lookup with a slow auth host is cut by its timeout, not waited for", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      sim.faults.add({ host: "auth", path: "/v1/regions", latencyMs: SLOW_MS })
      const started = Date.now()
      const error = yield* Effect.flatMap(AppsApi, (apps) => Effect.flip(apps.listAll(alice))).pipe(
        Effect.provide(clientLayer(sim, { options: shortBounds }))
      )

      expect(fieldsOf(error)).toMatchObject({
        _tag: "ScalingoUnavailable",
        reason: "timeout",
        request: "GET /v1/regions"
      })
      expect(Date.now() - started).toBeLessThan(SLOW_MS / 2)
    })
  )

  it.scopedLive(
    "a caller giving up on a slow shared exchange is released at once; the exchange goes on for the others",
    () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        // Answers slowly but within the attempt's timeout: the shared exchange succeeds after 1.5 s.
        sim.faults.add({ host: "auth", path: "/v1/tokens/exchange", latencyMs: 1_500, times: 1 })
        const { late, patient } = yield* Effect.gen(function* () {
          const users = yield* UsersApi
          const patient = yield* Effect.fork(timed(users.self(alice)))
          yield* Effect.sleep("100 millis")
          // A caller that may wait only 300 ms gives up at its bound; the exchange goes on for the other.
          const late = yield* timed(Effect.either(users.self(alice).pipe(Effect.timeout("300 millis"))))
          return { late, patient: yield* Fiber.join(patient) }
        }).pipe(Effect.provide(clientLayer(sim, { options: { requestTimeout: "3 seconds" } })))

        expect(late.value._tag).toBe("Left")
        expect(late.millis).toBeLessThan(1_000)
        expect(patient.value.username).toBe("alice")
        expect(exchangesOf(sim, "alice")).toHaveLength(1)
      })
  )
})
