// Every list that names commands derives from their declarations: help, the policy grammar, shortcuts,
// the picker and both Slack manifests. These fail when one of them misses a declared command.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parse } from "yaml"
import { COMMANDS, SUBCOMMAND_ACTIONS } from "../../src/commands/catalogue.js"
import { parsePolicyWords, POLICY_ACTIONS } from "../../src/policies/policy.js"
import { closestNames, distance, HELP_GROUPS } from "../../src/runtime/declarations.js"
import { derivedFields, MANIFESTS, withDerivedFields } from "../../scripts/manifestText.js"
import { type CommandKit, joinedTexts, person, startCommandKit } from "../support/commandKit.js"

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../${name}`, import.meta.url)), "utf8")

describe("the commands' declarations", () => {
  it("declare each word once, in a help group, with forms that start with the word", () => {
    const words = COMMANDS.map((c) => c.word)
    expect(new Set(words).size).toBe(words.length)
    expect(words).toEqual(expect.arrayContaining(["help", "login", "restart", "scale", "subscribe", "policy"]))
    for (const command of COMMANDS) {
      expect(HELP_GROUPS).toContain(command.group)
      for (const form of command.forms) {
        expect(form.usage.split(" ")[0]).toBe(command.word)
        expect(form.example.split(" ")[0]).toBe(command.word)
      }
    }
  })

  it("name every change a policy can store, and only those (the storage vocabulary and the grammar agree)", () => {
    const declared = [...new Set(COMMANDS.flatMap((c) => (c.policy === "read" ? [] : [c.policy])))].sort()
    expect(declared).toEqual([...POLICY_ACTIONS].sort())
  })

  it("each command that changes something is a word `policy allow` accepts, as the change it asks for", () => {
    const changing = COMMANDS.filter((c) => c.policy !== "read")
    expect(changing.map((c) => c.word)).toEqual(expect.arrayContaining(["restart", "unsubscribe"]))
    for (const command of changing) {
      expect(parsePolicyWords(["allow", command.word], SUBCOMMAND_ACTIONS)).toEqual({
        _tag: "Allow",
        actions: [command.policy]
      })
    }
  })
})

describe("the Slack manifests", () => {
  it.each(MANIFESTS)("%s is what `npm run manifest` writes from the declarations (run it after a change)", (name) => {
    const committed = read(name)
    expect(withDerivedFields(committed)).toBe(committed)
  })

  it.each(MANIFESTS)("%s names every declared command in its usage hint", (name) => {
    const [slash] = (parse(read(name)) as { features: { slash_commands: Array<Record<string, string>> } }).features
      .slash_commands
    expect(slash).toMatchObject(derivedFields())
    const hinted = /^\[([^\]]*)\]/.exec(slash!.usage_hint!)![1]!.split(" | ")
    expect(hinted).toEqual(COMMANDS.map((c) => c.word))
  })
})

describe("typos", () => {
  it("are counted as slips: swaps, missing and extra letters", () => {
    expect(distance("restat", "restart", 2)).toBe(1)
    expect(distance("scael", "scale", 2)).toBe(1)
    expect(distance("frobnicate", "restart", 3)).toBe(4)
    expect(closestNames("my-ap", ["my-app", "my-api", "other"])).toEqual(["my-api", "my-app"])
    expect(closestNames("deploy", ["deployments", "logs"])).toEqual(["deployments"])
    expect(
      closestNames(
        "frobnicate",
        COMMANDS.map((c) => c.word)
      )
    ).toEqual([])
  })
})

describe("help and buttons follow the declarations (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  it("`help` shows every declared command, and `help <command>` every form of it", async () => {
    const short = joinedTexts(await kit.slash("help"))
    for (const command of COMMANDS) {
      expect(short).toContain(`/scalingo ${command.forms[0].example}`)
      const detail = joinedTexts(await kit.slash(`help ${command.word}`))
      for (const form of command.forms) {
        expect(detail).toContain(`/scalingo ${form.usage.replace(/</g, "&lt;").replace(/>/g, "&gt;")}`)
        expect(detail).toContain(`/scalingo ${form.example}`)
      }
    }
  })

  it("a button may run exactly the commands declared for buttons", async () => {
    for (const command of COMMANDS) {
      const said = joinedTexts(await kit.click("run_command", `${command.word} alice-web`, { person: person() }))
      expect(said.includes("This button is no longer valid"), command.word).toBe(!command.fromButtons)
    }
    await kit.settle()
  })
})
