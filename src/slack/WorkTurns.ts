import { Context, Effect } from "effect"
import { AroundScalingoWait } from "../scalingo/BudgetWaitNotice.js"
import type { AckGate } from "./AckGate.js"
import { AroundRateLimitWait } from "./web/AroundRateLimitWait.js"
import { makeTurnQueue } from "./turnQueue.js"

/** How many commands' work runs at once; more waits its turn (after being acknowledged). */
export class WorkConcurrency extends Context.Reference<WorkConcurrency>()("bot/slack/WorkConcurrency", {
  defaultValue: () => 16
}) {}

/**
 * Commands and clicks are acknowledged before their work starts; the work itself takes turns, so
 * acknowledgements never queue behind a burst of it. Turns are served in arrival order, one waiter
 * woken per turn given back (src/slack/turnQueue.ts). A command that waits for its account's
 * Scalingo budget (up to ~30 s), or for a Slack channel's rate limit (Retry-After), gives its turn
 * back meanwhile and takes one again to go on, so one busy account or channel never holds up other
 * people's commands.
 */
export const makeWorkTurns = (gate?: AckGate) =>
  Effect.gen(function* () {
    const turns = makeTurnQueue(yield* WorkConcurrency)
    // Before its first turn, work lets the acknowledgements of requests already read go out (AckGate.ts).
    const firstTurn = gate === undefined ? turns.take : Effect.zipRight(gate.whenClear, turns.take)

    const inTurn = <A, E, R>(work: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      Effect.suspend(() => {
        // Concurrent waits of one command (two regions read at once) hand back its one turn once.
        const transitions = makeTurnQueue(1)
        const state = { held: false, waiting: 0 }
        const give = transitions.withTurn(
          Effect.suspend(() => {
            state.waiting += 1
            if (state.waiting !== 1 || !state.held) return Effect.void
            state.held = false
            return turns.release
          })
        )
        const takeBack = transitions.withTurn(
          Effect.suspend(() => {
            state.waiting -= 1
            if (state.waiting !== 0 || state.held) return Effect.void
            return Effect.tap(turns.take, () => {
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
        const giveBack = Effect.suspend(() => {
          if (!state.held) return Effect.void
          state.held = false
          return turns.release
        })
        // Waiting for the first turn can be cut (a timeout, shutdown): the command leaves the line.
        return Effect.uninterruptibleMask((restore) =>
          Effect.flatMap(restore(firstTurn), () => {
            state.held = true
            const waitsGiveTurnBack = work.pipe(
              Effect.provideService(AroundScalingoWait, around),
              Effect.provideService(AroundRateLimitWait, around)
            )
            return Effect.ensuring(restore(waitsGiveTurnBack), giveBack)
          })
        )
      })

    return { inTurn, state: turns.state } as const
  })
