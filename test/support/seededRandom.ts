/**
 * A small seeded PRNG (mulberry32) so generated inputs reproduce: a failing run prints its seed,
 * and `ABUSE_SEED=<seed>` replays exactly the same inputs.
 */
export interface Random {
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<A>(items: ReadonlyArray<A>): A
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string
}

export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <A>(items: ReadonlyArray<A>): A => items[int(0, items.length - 1)]!
  const chars = (alphabet: string, length: number) => {
    const symbols = [...alphabet]
    let out = ""
    for (let i = 0; i < length; i++) out += pick(symbols)
    return out
  }
  return { seed, next, int, chance: (p) => next() < p, pick, chars }
}

/** The seed from `ABUSE_SEED`, else a fixed default (CI runs the same inputs every time). */
export const seedFromEnv = (fallback: number): number => {
  const given = Number(process.env.ABUSE_SEED)
  return Number.isSafeInteger(given) ? given : fallback
}
