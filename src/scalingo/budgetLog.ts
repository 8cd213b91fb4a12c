/**
 * One account's Scalingo budget as a sliding-window log of booked send times (here in memory; the
 * same rule runs in Redis, see redisBudgetStore.ts).
 *
 * Why a log and not a token bucket: the rule is "never more than N in ANY window", and Scalingo
 * takes N a minute. A bucket can only promise that by refilling slower than N a minute and starting
 * small (it refused 17 of 20 commands that Scalingo would have taken); a log of the last window's
 * sends knows exactly what is unspent, so a burst may use all of it and nothing more.
 *
 * The rule, with `span` = window + jitter allowance (a request may reach Scalingo up to the
 * allowance later than it was sent): with the booked times sorted, the next booking is
 *
 *   at = now                                   when fewer than N bookings are left in the log, else
 *   at = max(now, times[count - N] + span)
 *
 * Every booking earlier than times[count - N] is at least `span` before `at`, so any window of
 * `span` holding `at` holds at most the N - 1 later ones besides it. That holds for any valid log,
 * so a booking given back (its request gave up before its turn) never breaks it. Bookings are FIFO:
 * each one is at or after those before it, except where an earlier one was given back.
 * A booking further than `maxWait` away is refused and not kept.
 */

export interface BudgetRule {
  /** N: bookings allowed in any `spanMillis`. */
  readonly limit: number
  readonly spanMillis: number
}

export interface Booking {
  readonly granted: boolean
  /** How long until the request may be sent (when refused: until it could have been). */
  readonly waitMillis: number
  /** Bookings of the same account that will still be waiting `noticeAfterMillis` from now. */
  readonly ahead: number
}

export interface BookingRequest {
  readonly id: string
  readonly maxWaitMillis: number
  readonly noticeAfterMillis: number
}

/** Earliest index in sorted `times` whose value is greater than `value`. */
const upperBound = (times: ReadonlyArray<number>, value: number): number => {
  let low = 0
  let high = times.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (times[middle]! <= value) low = middle + 1
    else high = middle
  }
  return low
}

interface Log {
  readonly times: Array<number>
  readonly ids: Array<string>
}

/**
 * Every account's log in this process. Idle accounts are dropped: a log whose newest booking is
 * older than `span` can no longer limit anything, so the whole map is swept once per `span`.
 */
export class MemoryBudgetLog {
  private readonly logs = new Map<string, Log>()
  private lastSweep = Number.NEGATIVE_INFINITY

  /** Accounts currently remembered (what pruning keeps small). */
  get size(): number {
    return this.logs.size
  }

  book(key: string, rule: BudgetRule, now: number, request: BookingRequest): Booking {
    this.sweep(now, rule.spanMillis)
    const log = this.pruned(key, now, rule.spanMillis)
    const count = log.times.length
    const at = count < rule.limit ? now : Math.max(now, log.times[count - rule.limit]! + rule.spanMillis)
    const ahead = upperBound(log.times, at) - upperBound(log.times, now + request.noticeAfterMillis)
    const booking = { granted: at - now <= request.maxWaitMillis, waitMillis: at - now, ahead: Math.max(0, ahead) }
    if (booking.granted) this.insert(key, log, at, request.id)
    return booking
  }

  /** Records a send booked elsewhere (Redis) for `at`, so this replica's fallback knows what it already sent. */
  record(key: string, rule: BudgetRule, now: number, at: number, id: string): void {
    this.sweep(now, rule.spanMillis)
    this.insert(key, this.pruned(key, now, rule.spanMillis), at, id)
  }

  /** Gives a booking back: its request will not be sent. */
  release(key: string, id: string): void {
    const log = this.logs.get(key)
    const index = log?.ids.indexOf(id) ?? -1
    if (log === undefined || index < 0) return
    log.times.splice(index, 1)
    log.ids.splice(index, 1)
    if (log.times.length === 0) this.logs.delete(key)
  }

  /** The key's log without the bookings that can no longer be in a window with `now` or later. */
  private pruned(key: string, now: number, spanMillis: number): Log {
    const log = this.logs.get(key) ?? { times: [], ids: [] }
    const stale = upperBound(log.times, now - spanMillis)
    if (stale > 0) {
      log.times.splice(0, stale)
      log.ids.splice(0, stale)
    }
    return log
  }

  private insert(key: string, log: Log, at: number, id: string): void {
    const index = upperBound(log.times, at)
    log.times.splice(index, 0, at)
    log.ids.splice(index, 0, id)
    this.logs.set(key, log)
  }

  private sweep(now: number, spanMillis: number): void {
    if (now - this.lastSweep < spanMillis) return
    this.lastSweep = now
    for (const [key, log] of this.logs)
      if ((log.times.at(-1) ?? now - spanMillis) <= now - spanMillis) this.logs.delete(key)
  }
}
