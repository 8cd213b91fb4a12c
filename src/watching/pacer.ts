import { Clock, Duration, Effect } from "effect"

/**
 * Keeps polling to at most half of each account's budget: reads take turns per account, spaced so that
 * any 60 seconds hold at most `perMinute / 2` requests, whatever the poll interval says. A cycle over many
 * apps therefore takes longer (the interval stretches) and the person's own commands keep the other half.
 */
export const makePacer = (requestsPerMinute: number) => {
  const half = Math.max(1, Math.floor(requestsPerMinute / 2))
  const next = new Map<string, number>()
  /** How long one read of `requests` requests holds the account's polling turn. */
  const spacing = (requests: number) => {
    const readsPerMinute = Math.floor(half / requests)
    // n reads spaced s apart fit n within any 60 s window only when (n - 1) * s >= 60 s.
    return readsPerMinute >= 2 ? 60_000 / (readsPerMinute - 1) : (60_000 * requests) / half + 1
  }
  const take = (accountKey: string, requests: number) =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      const at = Math.max(now, next.get(accountKey) ?? 0)
      next.set(accountKey, at + spacing(requests))
      if (next.size > 10_000) for (const [key, until] of next) if (until < now) next.delete(key)
      if (at > now) yield* Effect.sleep(Duration.millis(at - now))
    })
  return { take, spacing } as const
}
