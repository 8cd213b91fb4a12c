import { Effect } from "effect"

/** The longest a command's work waits for other requests' acknowledgements before it starts anyway. */
export const ACK_GATE_MAX_WAIT_MS = 200

/**
 * Requests Slack sent that are read but not yet answered (HTTP mode). Command work starts only once
 * none is waiting (or after ACK_GATE_MAX_WAIT_MS, so a steady stream cannot hold work back for good):
 * on a busy machine, an acknowledgement never queues behind another command's work starting.
 */
export interface AckGate {
  /** A request began (its body is being read). */
  readonly arrived: () => void
  /** Its answer went out, or its connection closed. */
  readonly answered: () => void
  readonly pending: () => number
  /** Resolves at once when nothing waits for an answer, else when the last one is answered (bounded). */
  readonly whenClear: Effect.Effect<void>
}

export const makeAckGate = (maxWaitMs = ACK_GATE_MAX_WAIT_MS): AckGate => {
  let pending = 0
  // A Set, so a waiter woken by its timeout (or interrupted) leaves at once: a steady stream never clears.
  const waiters = new Set<() => void>()

  const answered = () => {
    pending = Math.max(0, pending - 1)
    if (pending > 0 || waiters.size === 0) return
    const woken = [...waiters]
    waiters.clear()
    for (const wake of woken) wake()
  }

  const whenClear: Effect.Effect<void> = Effect.suspend(() =>
    pending === 0
      ? Effect.void
      : Effect.async<void>((resume) => {
          let done = false
          const wake = () => {
            if (done) return
            done = true
            clearTimeout(timer)
            waiters.delete(wake)
            resume(Effect.void)
          }
          const timer = setTimeout(wake, maxWaitMs)
          waiters.add(wake)
          return Effect.sync(() => {
            done = true
            clearTimeout(timer)
            waiters.delete(wake)
          })
        })
  )

  return {
    arrived: () => {
      pending += 1
    },
    answered,
    pending: () => pending,
    whenClear
  }
}
