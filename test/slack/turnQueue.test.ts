// Work turns (src/slack/turnQueue.ts): first come, first served, and one waiter woken per turn given
// back. Effect's own semaphore woke every waiter on each release (a thundering herd under a burst).
import { Deferred, Effect, Fiber } from "effect"
import { describe, expect, it } from "vitest"
import { makeAckGate } from "../../src/slack/AckGate.js"
import { makeTurnQueue } from "../../src/slack/turnQueue.js"
import { makeWorkTurns, WorkConcurrency } from "../../src/slack/WorkTurns.js"

describe("work turns", () => {
  it("serves waiters in arrival order, one per turn given back", async () => {
    const order = await Effect.runPromise(
      Effect.gen(function* () {
        const turns = makeTurnQueue(2)
        const served: Array<number> = []
        const gates = yield* Effect.all(Array.from({ length: 6 }, () => Deferred.make<void>()))
        const fibers = []
        for (const [index, gate] of gates.entries()) {
          fibers.push(
            yield* Effect.fork(
              turns.withTurn(
                Effect.zipRight(
                  Effect.sync(() => served.push(index)),
                  Deferred.await(gate)
                )
              )
            )
          )
          yield* Effect.yieldNow()
        }
        expect(served).toEqual([0, 1])
        expect(turns.state()).toEqual({ free: 0, waiting: 4 })
        // One turn given back wakes exactly one waiter, the oldest.
        yield* Deferred.succeed(gates[1]!, undefined)
        yield* Effect.yieldNow()
        yield* Effect.yieldNow()
        expect(served).toEqual([0, 1, 2])
        expect(turns.state()).toEqual({ free: 0, waiting: 3 })
        for (const gate of gates) yield* Deferred.succeed(gate, undefined)
        yield* Fiber.joinAll(fibers)
        expect(turns.state()).toEqual({ free: 2, waiting: 0 })
        return served
      })
    )
    expect(order).toEqual([0, 1, 2, 3, 4, 5])
  })

  it("a waiter interrupted in line leaves it, and its turn goes to the next one", async () => {
    const served = await Effect.runPromise(
      Effect.gen(function* () {
        const turns = makeTurnQueue(1)
        const served: Array<string> = []
        const gate = yield* Deferred.make<void>()
        const holder = yield* Effect.fork(turns.withTurn(Deferred.await(gate)))
        yield* Effect.yieldNow()
        const quitter = yield* Effect.fork(turns.withTurn(Effect.sync(() => served.push("quitter"))))
        const patient = yield* Effect.fork(turns.withTurn(Effect.sync(() => served.push("patient"))))
        yield* Effect.yieldNow()
        yield* Fiber.interrupt(quitter)
        expect(turns.state().waiting).toBe(1)
        yield* Deferred.succeed(gate, undefined)
        yield* Fiber.join(holder)
        yield* Fiber.join(patient)
        expect(turns.state()).toEqual({ free: 1, waiting: 0 })
        return served
      })
    )
    expect(served).toEqual(["patient"])
  })

  it("bounds how much command work runs at once, the rest waiting its turn in order", async () => {
    const peak = await Effect.runPromise(
      Effect.gen(function* () {
        const work = yield* makeWorkTurns()
        let running = 0
        let most = 0
        const one = Effect.gen(function* () {
          running += 1
          most = Math.max(most, running)
          yield* Effect.sleep("2 millis")
          running -= 1
        })
        yield* Effect.all(
          Array.from({ length: 40 }, () => work.inTurn(one)),
          { concurrency: "unbounded" }
        )
        expect(work.state()).toEqual({ free: 4, waiting: 0 })
        return most
      }).pipe(Effect.provideService(WorkConcurrency, 4))
    )
    expect(peak).toBe(4)
  })

  it("command work waits for the acknowledgements of requests already read, at most a bounded time", async () => {
    const seen = await Effect.runPromise(
      Effect.gen(function* () {
        const gate = makeAckGate(150)
        const work = yield* makeWorkTurns(gate)
        const started: Array<string> = []
        gate.arrived()
        gate.arrived()
        const first = yield* Effect.fork(work.inTurn(Effect.sync(() => started.push("first"))))
        yield* Effect.sleep("30 millis")
        const before = [...started]
        gate.answered()
        yield* Effect.sleep("10 millis")
        const oneLeft = [...started]
        gate.answered()
        yield* Fiber.join(first)
        // A request never answered (a slow modal submission) holds work back only so long.
        gate.arrived()
        const at = Date.now()
        yield* work.inTurn(Effect.void)
        return { before, oneLeft, after: started, waitedMs: Date.now() - at }
      })
    )
    expect(seen.before).toEqual([])
    expect(seen.oneLeft).toEqual([])
    expect(seen.after).toEqual(["first"])
    expect(seen.waitedMs).toBeGreaterThanOrEqual(140)
    expect(seen.waitedMs).toBeLessThan(1_000)
  })
})
