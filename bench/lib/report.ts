// The shape of every figure's result, and how it is shown: an aligned table for the terminal and
// a Markdown table for the README.
import type { Spread } from "./stats.js"

export interface Row {
  readonly metric: string
  readonly unit: string
  readonly bot: Spread
  /** The bare Bolt app (or another reference) measured in the same run. */
  readonly baseline?: { readonly label: string; readonly value: Spread }
  /** bot median / baseline median, when that comparison is the target. */
  readonly ratio?: number
  readonly target?: string
  /** Undefined when the row has no target of its own. */
  readonly met?: boolean
}

export interface FigureResult {
  readonly id: string
  readonly title: string
  readonly rows: ReadonlyArray<Row>
  /** What was done, and why a target was missed or what limits it. */
  readonly notes: ReadonlyArray<string>
  /** Raw numbers behind the rows (per run), for the JSON file. */
  readonly details: Record<string, unknown>
  readonly durationMs?: number
  readonly error?: string
}

const number = (value: number, unit: string): string => {
  if (!Number.isFinite(value)) return "-"
  const digits =
    unit === "ms"
      ? Math.abs(value) < 10
        ? 2
        : Math.abs(value) < 100
          ? 1
          : 0
      : unit === "MiB" || unit === "x" || unit === "%"
        ? 1
        : Number.isInteger(value)
          ? 0
          : 1
  return value.toFixed(digits)
}

export const showSpread = (spread: Spread, unit: string): string => {
  const shownUnit = unit === "requests" && spread.median === 1 ? "request" : unit
  const main = `${number(spread.median, unit)}${shownUnit === "" ? "" : ` ${shownUnit}`}`
  if (spread.runs.length < 2 || spread.min === spread.max) return main
  return `${main} (${number(spread.min, unit)}–${number(spread.max, unit)})`
}

const cells = (row: Row): Array<string> => [
  row.metric,
  showSpread(row.bot, row.unit),
  row.baseline === undefined ? "" : `${showSpread(row.baseline.value, row.unit)} ${row.baseline.label}`,
  row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}x`,
  row.target ?? "",
  row.met === undefined ? "" : row.met ? "yes" : "NO"
]

const HEADER = ["Figure", "Bot: median (min–max over runs)", "Baseline, same run", "Ratio", "Target", "Met"]

/** An aligned plain-text table, one section per figure. */
export const textTable = (figures: ReadonlyArray<FigureResult>): string => {
  const lines: Array<Array<string>> = [HEADER]
  for (const figure of figures) {
    lines.push([`[${figure.title}]${figure.error !== undefined ? ` FAILED: ${figure.error}` : ""}`, "", "", "", "", ""])
    for (const row of figure.rows) lines.push(cells({ ...row, metric: `  ${row.metric}` }))
  }
  const widths = HEADER.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)))
  const render = (line: Array<string>) =>
    line
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(" | ")
      .trimEnd()
  const rule = widths.map((w) => "-".repeat(w)).join("-+-")
  return [render(lines[0]!), rule, ...lines.slice(1).map(render)].join("\n")
}

const escapeCell = (text: string) => text.replace(/\|/g, "\\|")

export const markdownTable = (figures: ReadonlyArray<FigureResult>): string => {
  const lines = [`| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => "---").join("|")}|`]
  for (const figure of figures) {
    lines.push(
      `| **${escapeCell(figure.title)}**${figure.error !== undefined ? ` (failed: ${escapeCell(figure.error)})` : ""}` +
        " | | | | | |"
    )
    for (const row of figure.rows) lines.push(`| ${cells(row).map(escapeCell).join(" | ")} |`)
  }
  return lines.join("\n")
}

export const notesText = (figures: ReadonlyArray<FigureResult>): string =>
  figures
    .filter((f) => f.notes.length > 0)
    .map((f) => `${f.title}:\n${f.notes.map((n) => `  - ${n}`).join("\n")}`)
    .join("\n")

export const notesMarkdown = (figures: ReadonlyArray<FigureResult>): string =>
  figures
    .filter((f) => f.notes.length > 0)
    .map((f) => `- **${f.title}**: ${f.notes.join(" ")}`)
    .join("\n")
