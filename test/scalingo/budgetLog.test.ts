import { describe, expect, it } from "vitest"
import { type BudgetRule, MemoryBudgetLog } from "../../src/scalingo/budgetLog.js"
import { seededRandom } from "../support/seededRandom.js"

const rule: BudgetRule = { limit: 10, spanMillis: 1_000 }

/** The most times found in any half-open window `[t, t + span)`. */
const busiest = (times: ReadonlyArray<number>, span: number): number => {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= span) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

describe("the budget log (a sliding-window log of send times)", () => {
  it("lets a burst spend all the unspent budget at once, then books each next send a span after the Nth last", () => {
    const log = new MemoryBudgetLog()
    const book = (now: number, id: string) =>
      log.book("a", rule, now, { id, maxWaitMillis: 5_000, noticeAfterMillis: 0 })
    const waits = Array.from({ length: 25 }, (_, i) => book(0, `r${i}`).waitMillis)
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0))
    expect(waits.slice(10, 20)).toEqual(Array(10).fill(1_000))
    expect(waits.slice(20)).toEqual(Array(5).fill(2_000))
  })

  it("never books more than N in any span, whatever arrives when, with give-backs and refusals mixed in", () => {
    const random = seededRandom(20_260_16)
    const log = new MemoryBudgetLog()
    const sent: Array<number> = []
    const booked = new Map<string, number>()
    let now = 0
    for (let i = 0; i < 3_000; i++) {
      now += random.int(0, 1) === 0 ? 0 : random.int(1, 300)
      const id = `r${i}`
      const booking = log.book("a", rule, now, { id, maxWaitMillis: random.int(0, 3_000), noticeAfterMillis: 0 })
      if (booking.granted) booked.set(id, now + booking.waitMillis)
      // Some requests give up before their turn: their booking is given back.
      const waiting = [...booked].filter(([, at]) => at > now)
      if (waiting.length > 0 && random.chance(0.1)) {
        const [gone] = random.pick(waiting)
        log.release("a", gone)
        booked.delete(gone)
      }
    }
    sent.push(...booked.values())
    expect(sent.length).toBeGreaterThan(1_000)
    expect(busiest(sent, rule.spanMillis)).toBeLessThanOrEqual(rule.limit)
    // Not vacuous: the log was under pressure and used the whole budget in some span.
    expect(busiest(sent, rule.spanMillis)).toBe(rule.limit)
  })

  it("refuses a booking beyond the longest wait without keeping it, and says how long it would have waited", () => {
    const log = new MemoryBudgetLog()
    for (let i = 0; i < 10; i++) log.book("a", rule, 0, { id: `r${i}`, maxWaitMillis: 0, noticeAfterMillis: 0 })
    const refused = log.book("a", rule, 100, { id: "late", maxWaitMillis: 500, noticeAfterMillis: 0 })
    expect(refused).toMatchObject({ granted: false, waitMillis: 900 })
    // The refusal booked nothing: the same question gets the same answer.
    expect(log.book("a", rule, 100, { id: "again", maxWaitMillis: 500, noticeAfterMillis: 0 }).waitMillis).toBe(900)
  })

  it("counts the requests still ahead once the notice is due", () => {
    const log = new MemoryBudgetLog()
    const book = (id: string) => log.book("a", rule, 0, { id, maxWaitMillis: 5_000, noticeAfterMillis: 500 })
    for (let i = 0; i < 10; i++) book(`now${i}`)
    expect(book("first-waiting").ahead).toBe(0)
    expect(book("second-waiting").ahead).toBe(1)
  })
})
