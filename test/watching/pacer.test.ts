import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, TestClock } from "effect"
import { makePacer } from "../../src/watching/pacer.js"

/** The polling turns of one account: whatever is asked, at most half the budget in any 60 s. */
describe("polling pacer", () => {
  it.effect("50 reads of 2 requests (a 50-app pass) at 60 a minute: never more than 30 requests in any 60 s", () =>
    Effect.gen(function* () {
      const pacer = makePacer(60)
      const times: Array<number> = []
      const reads = Effect.forEach(
        Array.from({ length: 50 }, (_, i) => i),
        () =>
          Effect.zipRight(
            pacer.take("account", 2),
            Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.sync(() => times.push(now, now)))
          ),
        { discard: true }
      )
      const fiber = yield* Effect.fork(reads)
      yield* TestClock.adjust("2 hours")
      yield* Fiber.join(fiber)
      let worst = 0
      for (const start of times) worst = Math.max(worst, times.filter((t) => t >= start && t < start + 60_000).length)
      expect(times).toHaveLength(100)
      expect(worst).toBeLessThanOrEqual(30)
      // And the half is used: 100 requests take about what 30 a minute allows (3.3 minutes), not much more.
      expect(times.at(-1)! - times[0]!).toBeLessThan(4 * 60_000)
    })
  )

  it.effect("accounts do not share turns", () =>
    Effect.gen(function* () {
      const pacer = makePacer(60)
      yield* pacer.take("a", 2)
      const started = yield* Clock.currentTimeMillis
      yield* pacer.take("b", 2)
      expect((yield* Clock.currentTimeMillis) - started).toBe(0)
    })
  )
})
