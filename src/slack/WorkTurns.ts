import { Context, Effect } from "effect"
import { AroundScalingoWait } from "../scalingo/BudgetWaitNotice.js"

/** How many commands' work runs at once; more waits its turn (after being acknowledged). */
export class WorkConcurrency extends Context.Reference<WorkConcurrency>()("bot/slack/WorkConcurrency", {
  defaultValue: () => 16
}) {}

/**
 * Commands and clicks are acknowledged before their work starts; the work itself takes turns, so
 * acknowledgements never queue behind a burst of it. A command that waits for its account's Scalingo
 * budget (up to ~30 s) gives its turn back meanwhile and takes one again to go on, so one busy account
 * never holds up other people's commands.
 */
export const makeWorkTurns = Effect.gen(function* () {
  const turns = yield* Effect.makeSemaphore(yield* WorkConcurrency)

  const inTurn = <A, E, R>(work: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.gen(function* () {
      // Concurrent waits of one command (two regions read at once) hand back its one turn once.
      const transitions = yield* Effect.makeSemaphore(1)
      const state = { held: false, waiting: 0 }
      const give = transitions.withPermits(1)(
        Effect.suspend(() => {
          state.waiting += 1
          if (state.waiting !== 1 || !state.held) return Effect.void
          state.held = false
          return turns.release(1)
        })
      )
      const takeBack = transitions.withPermits(1)(
        Effect.suspend(() => {
          state.waiting -= 1
          if (state.waiting !== 0 || state.held) return Effect.void
          return Effect.tap(turns.take(1), () => {
            state.held = true
          })
        })
      )
      const around = <A1, E1, R1>(wait: Effect.Effect<A1, E1, R1>) =>
        Effect.acquireUseRelease(
          give,
          () => wait,
          () => takeBack
        )
      return yield* Effect.acquireUseRelease(
        Effect.tap(turns.take(1), () => {
          state.held = true
        }),
        () => Effect.provideService(work, AroundScalingoWait, around),
        () =>
          Effect.suspend(() =>
            state.held
              ? Effect.zipRight(
                  turns.release(1),
                  Effect.sync(() => {
                    state.held = false
                  })
                )
              : Effect.void
          )
      )
    })

  return { inTurn } as const
})
