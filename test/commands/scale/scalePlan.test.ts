import { describe, expect, it } from "vitest"
import { parseChanges, planScale } from "../../../src/commands/scale/scalePlan.js"

const formation = [
  { name: "web", amount: 2, size: "M" },
  { name: "worker", amount: 1, size: "S" }
]
const sizes = ["S", "M", "L", "XL", "2XL"]
const plan = (...words: Array<string>) => {
  const parsed = parseChanges(words)
  if (!parsed.ok) return parsed
  return planScale(formation, parsed.changes, sizes)
}

describe("scale plans", () => {
  it("absolute and relative amounts, and a new size", () => {
    const result = plan("web:3:L", "worker:+1")
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.after).toEqual([
      { name: "web", amount: 3, size: "L" },
      { name: "worker", amount: 2, size: "S" }
    ])
    expect(result.changes).toHaveLength(2)
    expect(result.stopsApp).toBe(false)
  })

  it("sizes are matched whatever their case", () => {
    const result = plan("web:2:xl")
    expect(result.ok && result.after[0]!.size).toBe("XL")
  })

  it("only what changes is sent", () => {
    const result = plan("web:2", "worker:-1")
    expect(result.ok && result.changes).toEqual([{ name: "worker", amount: 0, size: "S" }])
  })

  it("scaling every type to zero stops the app", () => {
    const result = plan("web:0", "worker:0")
    expect(result.ok && result.stopsApp).toBe(true)
  })

  it.each([
    [["db:1"], "its types are `web`, `worker`"],
    [["web:+1:L"], "cannot change the size too"],
    [["web:11"], "at most 10"],
    [["worker:-2"], "cannot go to -1"],
    [["web:2:HUGE"], "Scalingo's are `S`, `M`"],
    [["web"], "is not a change"],
    [["web:2", "web:3"], "named twice"],
    [["web:2", "worker:1"], "nothing to change"],
    [[], "Say what to scale"]
  ])("%j is refused, saying why", (words, why) => {
    const result = plan(...words)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.join(" ")).toContain(why)
  })

  it("an app without containers says so", () => {
    const parsed = parseChanges(["web:1"])
    const result = parsed.ok ? planScale([], parsed.changes, sizes) : parsed
    expect(result.ok === false && result.problems[0]).toContain("never deployed")
  })
})
