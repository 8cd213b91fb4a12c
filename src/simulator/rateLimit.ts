/**
 * Scalingo's per-account limit: at most `limit` requests in any sliding window. Requests turned
 * away with a 429 do not use the budget, so a client that waits recovers after one window.
 */
export class SlidingWindowLimiter {
  /** Per key: accepted request times, oldest first; `head` skips the ones out of the window. */
  private readonly seen = new Map<string, { times: Array<number>; head: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number
  ) {}

  /** Records the request and answers true when `key` is still within its budget. */
  allow(key: string, now: number = Date.now()): boolean {
    let entry = this.seen.get(key)
    if (entry === undefined) {
      entry = { times: [], head: 0 }
      this.seen.set(key, entry)
    }
    while (entry.head < entry.times.length && entry.times[entry.head]! <= now - this.windowMs) entry.head++
    if (entry.head > 1024 && entry.head * 2 > entry.times.length) {
      entry.times = entry.times.slice(entry.head)
      entry.head = 0
    }
    if (entry.times.length - entry.head >= this.limit) return false
    entry.times.push(now)
    return true
  }
}
