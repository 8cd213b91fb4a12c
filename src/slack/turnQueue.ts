import { Effect } from "effect"

/** A counting semaphore whose waiters are served first come, first served, one per release. */
export interface TurnQueue {
  /** Waits for a turn (in arrival order); a waiter interrupted before its turn leaves the line. */
  readonly take: Effect.Effect<void>
  /** Gives a turn back: straight to the first waiter if there is one, so exactly one fiber wakes. */
  readonly release: Effect.Effect<void>
  /** Runs `self` in a turn, given back however it ends. */
  readonly withTurn: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** Turns free and waiters in line, for tests and the bench. */
  readonly state: () => { readonly free: number; readonly waiting: number }
}

interface Waiter {
  resume: (() => void) | undefined
  granted: boolean
  left: boolean
}

/**
 * Effect's own semaphore wakes every waiter on each release and lets them race for the freed permit
 * (the losers go back to waiting): with hundreds of commands in line, each turn costs hundreds of
 * wake-ups. Here a release hands its turn to the oldest waiter directly: one wake-up per turn.
 */
export const makeTurnQueue = (permits: number): TurnQueue => {
  let free = permits
  // The line: `head` is the next one served (shift() on a long array would copy it on every turn).
  let line: Array<Waiter | undefined> = []
  let head = 0
  let waiting = 0

  const handOver = (): void => {
    while (head < line.length) {
      const waiter = line[head]
      line[head++] = undefined
      if (head > 1_024 && head * 2 > line.length) {
        line = line.slice(head)
        head = 0
      }
      if (waiter === undefined || waiter.left) continue
      waiting -= 1
      waiter.granted = true
      const resume = waiter.resume
      waiter.resume = undefined
      resume?.()
      return
    }
    line = []
    head = 0
    free += 1
  }

  const take: Effect.Effect<void> = Effect.suspend(() => {
    if (free > 0 && waiting === 0) {
      free -= 1
      return Effect.void
    }
    return Effect.async<void>((resume) => {
      const waiter: Waiter = { resume: () => resume(Effect.void), granted: false, left: false }
      line.push(waiter)
      waiting += 1
      return Effect.sync(() => {
        // Interrupted: leave the line, or pass on a turn handed over just before the interruption.
        waiter.resume = undefined
        if (waiter.granted) return handOver()
        if (waiter.left) return
        waiter.left = true
        waiting -= 1
      })
    })
  })

  const release: Effect.Effect<void> = Effect.sync(handOver)

  // The wait for a turn can be interrupted (the waiter leaves the line); once taken, the turn is given back.
  const withTurn = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.uninterruptibleMask((restore) =>
      Effect.flatMap(restore(take), () => Effect.ensuring(restore(self), release))
    )

  const state = () => ({ free, waiting })

  return { take, release, withTurn, state }
}
