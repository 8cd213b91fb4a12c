import { describe, expect, it } from "vitest"
import { codeFilesUnder, localImportsOf } from "./sourceFiles.js"

/**
 * The import rules between src/ folders, checked over the TypeScript import graph (type-only imports
 * count: they couple the folders just the same). A failure lists every offending import.
 */

interface Rule {
  readonly name: string
  readonly from: string
  /** Folders `from` must not import; undefined means anything of ours outside `from` itself. */
  readonly notInto?: ReadonlyArray<string>
}

const RULES: ReadonlyArray<Rule> = [
  { name: "commands never import slack/", from: "src/commands/", notInto: ["src/slack/"] },
  {
    name: "scalingo/ never imports commands/ or slack/",
    from: "src/scalingo/",
    notInto: ["src/commands/", "src/slack/"]
  },
  {
    name: "storage never imports scalingo/, commands/ or slack/",
    from: "src/storage/",
    notInto: ["src/scalingo/", "src/commands/", "src/slack/"]
  },
  { name: "blockKit/ imports nothing of ours", from: "src/blockKit/" }
]

const sources = codeFilesUnder("src")

const offences = (rule: Rule): Array<string> =>
  sources
    .filter((file) => file.startsWith(rule.from))
    .flatMap((file) =>
      localImportsOf(file)
        .filter((target) =>
          rule.notInto === undefined ? !target.startsWith(rule.from) : rule.notInto.some((f) => target.startsWith(f))
        )
        .map((target) => `${file} imports ${target}`)
    )

describe("import rules between src/ folders", () => {
  it("sees the import graph (the check is not vacuous)", () => {
    expect(sources.length).toBeGreaterThan(20)
    expect(localImportsOf("src/main.ts")).toContain("src/app.ts")
  })

  for (const rule of RULES) {
    it(rule.name, () => {
      expect(offences(rule), `${rule.name}; offending imports`).toEqual([])
    })
  }
})
