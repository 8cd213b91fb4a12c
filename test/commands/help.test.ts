import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SUBCOMMANDS } from "../../src/commands/catalogue.js"
import { type CommandKit, joinedTexts, messageOf, startCommandKit, textOf } from "../support/commandKit.js"

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

  it("polish 6: help is grouped (account, look, change, watch, admin) and short: one line per command", async () => {
    const [shown] = await kit.slash("help")
    const text = textOf(messageOf(shown!.reply)!)
    const titles = ["*Your account*", "*Look*", "*Change*", "*Watch*", "*Admin*"].map((t) => text.indexOf(t))
    expect(titles.every((at) => at >= 0)).toBe(true)
    expect([...titles].sort((a, b) => a - b)).toEqual(titles)
    expect(text.slice(titles[2]!, titles[3]!)).toContain("/scalingo restart my-app web")
    expect(text.slice(titles[1]!, titles[2]!)).not.toContain("/scalingo restart")
    // One line per command: the other forms (`login <token>`, `policy allow …`) wait for `help <command>`.
    expect(text).not.toContain("login tk-us-")
    expect(text).not.toContain("policy allow restart scale")
    expect(text).toContain("/scalingo help &lt;command&gt;")
  })

  it("polish 6: `help <command>` gives its detail: every form, an example each, picker and policy", async () => {
    const text = joinedTexts(await kit.slash("help scale"))
    expect(text).toContain("/scalingo scale &lt;app&gt; &lt;type&gt;:&lt;amount&gt;[:&lt;size&gt;]")
    expect(text).toContain("/scalingo scale my-app web:3 worker:+1")
    expect(text).toContain("picker of your apps")
    expect(text).toContain("policy allow scale")
    const login = joinedTexts(await kit.slash("help login"))
    expect(login).toContain("/scalingo login &lt;token&gt;")
    expect(login).not.toContain("picker")
  })

  it("polish 6: a mistyped command gets “did you mean”, not the whole help", async () => {
    for (const [typed, meant] of [
      ["restat my-app", "restart"],
      ["RESTRAT", "restart"],
      ["subscirbe my-app", "subscribe"],
      ["deploymnets my-app", "deployments"],
      ["help scael", "scale"]
    ] as const) {
      const replies = await kit.slash(typed)
      expect(replies.map((r) => r.reply._tag)).toEqual(["Private"])
      const text = joinedTexts(replies)
      expect(text).toContain(`Did you mean \`/scalingo ${meant}\``)
      expect(text).not.toContain("/scalingo subscriptions")
      expect(text).not.toContain("*Look*")
    }
    expect(joinedTexts(await kit.slash("sub"))).toMatch(/Did you mean .*subscribe.* or .*subscriptions/)
    // The words after a command too: the policy's verbs and the changes it names.
    expect(joinedTexts(await kit.slash("policy alow restart"))).toContain("Did you mean `policy allow`?")
    expect(joinedTexts(await kit.slash("policy allow restrat"))).toContain("Did you mean `restart`?")
  })

  it("polish 6: a mistyped app gets “did you mean” from the person's own apps, and nothing is sent", async () => {
    await kit.link("U-ALICE", "alice")
    await kit.link("U-BOB", "bob")
    const changes = () => kit.sim.requests.filter((r) => r.method !== "GET").length
    const before = changes()
    const restart = joinedTexts(await kit.slash("restart alice-wbe web", { userId: "U-ALICE" }))
    expect(restart).toContain("I can't find `alice-wbe` among your apps. Did you mean `alice-web`?")
    expect(restart).toContain("/scalingo restart alice-web web")
    expect(joinedTexts(await kit.slash("info alice-secuer", { userId: "U-ALICE" }))).toContain(
      "Did you mean `alice-secure`?"
    )
    expect(changes()).toBe(before)
    // Another account's apps are never suggested; a name close to nothing gets the usual sentence.
    const bob = joinedTexts(await kit.slash("info alice-wbe", { userId: "U-BOB" }))
    expect(bob).not.toContain("alice-web")
    expect(bob).toContain("That app does not exist")
    expect(joinedTexts(await kit.slash("info zzzzzzzz", { userId: "U-ALICE" }))).toContain("That app does not exist")
    // Not linked: told to link, as before.
    expect(joinedTexts(await kit.slash("info alice-wbe", { userId: "U-NOBODY" }))).toContain("/scalingo login")
  })
})
