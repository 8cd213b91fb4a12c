import { describe, expect, it } from "vitest"
import { LOG_TAIL_LINES, tailOf } from "../../src/views/logTail.js"

const TAIL_CHARS = 2_800

/** A router-like line of `width` characters (paths anyone can choose make them long). */
const routerLine = (index: number, width: number) =>
  `2024-05-01 12:00:00 [router] GET /${"p".repeat(width)} line ${index}`.slice(0, width)

const logOf = (count: number, width: number) => Array.from({ length: count }, (_, i) => routerLine(i, width)).join("\n")

/** The median of five timings of `run`, in milliseconds. */
const medianMs = (run: () => void) => {
  const times: Array<number> = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    run()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[2]!
}

describe("the tail of a log", () => {
  it("keeps the last lines that fit and says the rest was cut", () => {
    const log = logOf(1000, 300)
    const { tail, cut } = tailOf(log, 1000)
    const expected = log
      .split("\n")
      .slice(-Math.floor((TAIL_CHARS + 1) / 301))
      .join("\n")
    expect(tail).toBe(expected)
    expect(tail.length).toBeLessThanOrEqual(TAIL_CHARS)
    expect(cut).toBe(true)
  })

  it("keeps a short log whole, with Windows line ends and trailing blanks", () => {
    expect(tailOf("one\r\ntwo\r\nthree\r\n\n  ")).toEqual({ tail: "one\ntwo\nthree", cut: false })
    expect(tailOf("")).toEqual({ tail: "", cut: false })
  })

  it("keeps at most the lines asked for", () => {
    const log = logOf(100, 10)
    expect(tailOf(log, 3)).toEqual({ tail: log.split("\n").slice(-3).join("\n"), cut: true })
    expect(tailOf(log).tail.split("\n")).toHaveLength(LOG_TAIL_LINES)
    expect(tailOf(log, 100)).toEqual({ tail: log, cut: false })
  })

  it("cuts one line longer than a message to its end", () => {
    const line = `start${"x".repeat(5000)}end`
    expect(tailOf(`first\n${line}`)).toEqual({ tail: line.slice(-TAIL_CHARS), cut: true })
  })

  it("cuts a 1000-line log of long lines in less than a few passes over it", () => {
    const log = logOf(1000, 400)
    // One linear pass over the log is the yardstick: cutting it must cost no more than a few of them,
    // whereas re-joining the kept lines for each dropped one costs hundreds.
    const onePass = medianMs(() => log.split("\n").join("\n"))
    const cutting = medianMs(() => tailOf(log, 1000))
    expect(cutting).toBeLessThan(Math.max(onePass, 1) * 10)
  })
})
