import { describe, expect, it } from "vitest"
import { codeFilesUnder, localImportsOf } from "./sourceFiles.js"

/**
 * The house's layers (../shared/docs/architecture.md), top to bottom, checked over the TypeScript
 * import graph (type-only imports count: they couple the areas just the same). An area is a folder of
 * src/, or a file at its top. An area imports only areas of lower layers, or of its own layer one way:
 * no two areas ever import each other. A failure lists every offending import.
 */
const LAYERS: ReadonlyArray<{ readonly name: string; readonly areas: ReadonlyArray<string> }> = [
  { name: "entry: main, the composition root, the settings aggregator", areas: ["main", "app", "settings"] },
  { name: "the Slack side", areas: ["slack"] },
  { name: "the features", areas: ["commands", "watching"] },
  { name: "the command runtime and shared views", areas: ["runtime", "views"] },
  { name: "accounts and policies", areas: ["accounts", "policies"] },
  { name: "Scalingo and storage", areas: ["scalingo", "storage"] },
  {
    name: "the kit",
    areas: ["blockKit", "tracing", "logging", "config", "Background", "HttpClientLive", "http"]
  }
]

/** Areas outside the layers: the simulator is a program of its own and imports nothing of the bot's. */
const APART = ["simulator"]

/** Areas that import nothing of ours at all. */
const LEAVES = ["blockKit", "simulator"]

const areaOf = (file: string): string => {
  const [, first = "", second] = file.split("/")
  return second === undefined ? first.replace(/\.(ts|mts)$/, "") : first
}
const layerOf = new Map(LAYERS.flatMap((layer, index) => layer.areas.map((area) => [area, index] as const)))

const sources = codeFilesUnder("src")
const edges = sources.flatMap((file) =>
  localImportsOf(file)
    .filter((target) => target.startsWith("src/"))
    .map((target) => ({ file, target, from: areaOf(file), to: areaOf(target) }))
    .filter((edge) => edge.from !== edge.to)
)

describe("the house's layers, as imports between src/ areas", () => {
  it("sees the import graph (the check is not vacuous)", () => {
    expect(sources.length).toBeGreaterThan(20)
    expect(localImportsOf("src/main.ts")).toContain("src/app.ts")
    expect(edges.length).toBeGreaterThan(100)
  })

  it("every area of src/ has a place in the layers (a new area must be placed)", () => {
    const areas = [...new Set(sources.map(areaOf))]
    expect(areas.filter((area) => !layerOf.has(area) && !APART.includes(area))).toEqual([])
  })

  it("no area imports one above it", () => {
    const upward = edges.filter(
      (edge) => layerOf.has(edge.from) && (layerOf.get(edge.to) ?? -1) < layerOf.get(edge.from)!
    )
    expect(upward.map((edge) => `${edge.file} imports ${edge.target}`)).toEqual([])
  })

  it("no two areas import each other", () => {
    const pairs = new Set(edges.map((edge) => `${edge.from}->${edge.to}`))
    const mutual = edges.filter((edge) => pairs.has(`${edge.to}->${edge.from}`))
    expect(mutual.map((edge) => `${edge.file} imports ${edge.target}`)).toEqual([])
  })

  it("the leaves import nothing of ours, and nothing imports the simulator", () => {
    const fromLeaves = edges.filter((edge) => LEAVES.includes(edge.from))
    const intoApart = edges.filter((edge) => APART.includes(edge.to))
    expect([...fromLeaves, ...intoApart].map((edge) => `${edge.file} imports ${edge.target}`)).toEqual([])
  })

  it("commands never import slack/ (they return reply values the Slack side sends)", () => {
    expect(edges.filter((edge) => edge.from === "commands" && edge.to === "slack")).toEqual([])
  })
})
