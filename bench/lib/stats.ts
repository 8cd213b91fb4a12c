// Summaries for the bench: percentiles within one run, and the median and spread over several runs.

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** One figure over several runs: the median run, the best and worst run, and every run's value. */
export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly runs: ReadonlyArray<number>
}

export const spread = (runs: ReadonlyArray<number>): Spread => ({
  median: median(runs),
  min: runs.length === 0 ? Number.NaN : Math.min(...runs),
  max: runs.length === 0 ? Number.NaN : Math.max(...runs),
  runs: [...runs]
})

/** A single measurement (a count, one long run) in the same shape. */
export const single = (value: number): Spread => spread([value])

/** The most events in any window of `windowMs` (each event opens a window), over sorted or unsorted times. */
export const maxInSlidingWindow = (times: ReadonlyArray<number>, windowMs: number): number => {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let tail = 0
  for (let head = 0; head < sorted.length; head++) {
    while (sorted[head]! - sorted[tail]! >= windowMs) tail++
    best = Math.max(best, head - tail + 1)
  }
  return best
}

export const round = (value: number, digits = 1): number => {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
