import { Option } from "effect"
import { describe, expect, it } from "vitest"
import { Change, changeKinds } from "../../src/commands/changeKinds.js"
import { createKind } from "../../src/commands/create/createKind.js"
import { restartKind } from "../../src/commands/restart/restartKind.js"
import { declareKinds } from "../../src/runtime/changes/kinds.js"

describe("the kinds of change, declared once", () => {
  it("a kind of the union without its declaration fails the type check", () => {
    // @ts-expect-error Scale is a member of the union but has no entry in the table
    const missing = declareKinds(Change, { Create: createKind, Restart: restartKind })
    expect(missing).toBeDefined()
  })

  it("a stored change is the encoded change with its rule and guards, decoded back whole", () => {
    const envelope = {
      change: { _tag: "Restart", scope: ["web"], formation: [{ name: "web", amount: 2, size: "M" }] },
      confirmBy: { _tag: "Requester" },
      guards: []
    } as const
    const stored = JSON.parse(JSON.stringify(changeKinds.encode(envelope)))
    expect(changeKinds.decode(stored)).toEqual(Option.some(envelope))
    expect(changeKinds.kindOf(envelope.change).action).toBe("restart")
  })

  it("a stored change of no known kind, or missing its rule, does not decode (a stale button, never a guess)", () => {
    expect(Option.isNone(changeKinds.decode({ change: { _tag: "Explode" }, confirmBy: { _tag: "Requester" } }))).toBe(
      true
    )
    expect(Option.isNone(changeKinds.decode({ scope: ["web"] }))).toBe(true)
  })
})
