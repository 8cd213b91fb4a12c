import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SUBCOMMANDS } from "../../src/commands/catalogue.js"
import { type CommandKit, messageOf, startCommandKit, textOf } from "../support/commandKit.js"

describe("help (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
  })
  afterAll(() => kit?.close())

  it("an empty command, `help` and an unknown word all list every subcommand privately", async () => {
    for (const text of ["", "help", "frobnicate"]) {
      const [shown] = await kit.slash(text)
      expect(shown?.reply._tag).toBe("Private")
      const text_ = textOf(messageOf(shown!.reply)!)
      for (const { example } of SUBCOMMANDS) expect(text_).toContain(`/scalingo ${example}`)
    }
  })

  it("names the unknown word back, as code", async () => {
    const [shown] = await kit.slash("frobnicate now")
    expect(textOf(messageOf(shown!.reply)!)).toContain("I don't know `frobnicate`")
  })

  it("defect 12: a pasted token (without `login`) is never repeated back", async () => {
    const token = `tk-us-${"a1B2c3D4".repeat(6)}`
    for (const pasted of [token, `xoxb-1234-5678-${"x".repeat(24)}`, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"]) {
      const [shown] = await kit.slash(pasted)
      const text = textOf(messageOf(shown!.reply)!)
      expect(text).toContain("looks like a token")
      expect(text).not.toContain(pasted.slice(0, 12))
    }
  })

  it(
    "logs one line per command with the subcommand (`unknown` for words it does not know) and " + "its outcome",
    async () => {
      const mark = kit.logs.length
      await kit.slash("frobnicate")
      await kit.slash("help")
      const lines = kit.logs.slice(mark).filter((l) => l.message === "command handled")
      expect(lines.map((l) => l.annotations.subcommand)).toEqual(["unknown", "help"])
      for (const line of lines) {
        expect(line.annotations.outcome).toBe("ok")
        expect(typeof line.annotations.duration_ms).toBe("number")
        expect(line.annotations.scalingo_requests).toBe(0)
      }
    }
  )
})
