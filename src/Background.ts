import { Context, type Duration, Effect, type Fiber, FiberSet, Layer } from "effect"

/**
 * Work that outlives the Slack request that started it (after the 3-second acknowledgement).
 * Every such fiber is tracked so shutdown can let in-flight work finish before storage closes.
 */
export interface BackgroundService {
  readonly fork: <A, E>(effect: Effect.Effect<A, E>) => Effect.Effect<Fiber.RuntimeFiber<A, E>>
  /** Tracks a fiber started elsewhere (a Slack listener's `Runtime.runFork`), as `fork` would. */
  readonly track: (fiber: Fiber.RuntimeFiber<unknown, unknown>) => void
  /** Waits until no tracked work remains, or the timeout passes. */
  readonly drain: (timeout: Duration.DurationInput) => Effect.Effect<void>
}

export class Background extends Context.Tag("bot/Background")<Background, BackgroundService>() {
  static readonly layer = Layer.scoped(
    Background,
    Effect.gen(function* () {
      const fibers = yield* FiberSet.make<unknown, unknown>()
      return Background.of({
        fork: (effect) => FiberSet.run(fibers, effect),
        track: (fiber) => FiberSet.unsafeAdd(fibers, fiber),
        drain: (timeout) => FiberSet.awaitEmpty(fibers).pipe(Effect.timeoutOption(timeout), Effect.asVoid)
      })
    })
  )
}
