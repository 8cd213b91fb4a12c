// Scalingo's answers are read up to a cap: a log or build output of more is refused with a tagged error
// saying so, instead of being held whole in memory.
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { MAX_BODY_BYTES } from "../../src/scalingo/boundedBody.js"
import { LogsApi } from "../../src/scalingo/LogsApi.js"
import { accountOf, clientLayer, simulator } from "./scalingoTestKit.js"

describe("the size of Scalingo's answers", () => {
  it.scopedLive("a log larger than the cap fails with an UnexpectedResponse naming the cap; a small one reads", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const logs = yield* Effect.provide(LogsApi, clientLayer(sim))
      sim.appendLogs("alice", "osc-fr1", "alice-web", [{ container: "web-1", message: "small and fine" }])
      expect(yield* logs.lastLines(alice, "osc-fr1", "alice-web", { lines: 1 })).toContain("small and fine")
      const long = `GET /${"x".repeat(12_000)}`
      sim.appendLogs(
        "alice",
        "osc-fr1",
        "alice-web",
        Array.from({ length: 1_000 }, () => ({ container: "router", message: long }))
      )
      expect(1_000 * long.length).toBeGreaterThan(MAX_BODY_BYTES)
      const read = yield* Effect.either(logs.lastLines(alice, "osc-fr1", "alice-web", { lines: 1_000 }))
      // Compared by tag only: a test failing here must not print megabytes of log.
      expect(read._tag).toBe("Left")
      const failed = read._tag === "Left" ? read.left : undefined
      expect(failed).toMatchObject({ _tag: "UnexpectedResponse" })
      expect((failed as { detail: string }).detail).toContain("over 8 MiB")
    })
  )
})
