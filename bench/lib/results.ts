// Writes a run's results: bench/results/<ISO date>.json and latest.json (every number, per run),
// and latest.md (the README's Performance section: the table, the notes and the command).
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
import path from "node:path"
import { markdownTable, notesMarkdown, type FigureResult } from "./report.js"

export interface RunRecord {
  readonly command: string
  readonly startedAt: string
  readonly wallSeconds: number
  readonly buildSeconds: number
  readonly machine: Record<string, unknown>
  readonly figures: ReadonlyArray<FigureResult>
}

export const machine = (): Record<string, unknown> => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2)))
})

export const markdownSection = (record: RunRecord): string => {
  const m = record.machine
  return [
    "## Performance",
    "",
    `Measured with \`${record.command}\` (everything on 127.0.0.1: the bot as \`npm start\` runs it, ` +
      `the fake Slack, the Scalingo simulator; about ${Math.ceil(record.wallSeconds / 60)} minutes).`,
    `Run of ${record.startedAt} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}; load average ` +
      `at start ${(m.loadAverageAtStart as Array<number>).join(", ")}.`,
    "Each figure gives the median over its runs and, in brackets, the best and worst run; the baseline is a " +
      "bare Bolt 5 app that only acknowledges (`bench/bareBolt.ts`), measured in the same run.",
    "",
    markdownTable(record.figures),
    "",
    "Notes:",
    "",
    notesMarkdown(record.figures),
    ""
  ].join("\n")
}

export const writeResults = (dir: string, record: RunRecord): Array<string> => {
  mkdirSync(dir, { recursive: true })
  const stamp = record.startedAt.replace(/:/g, "-").replace(/\.\d+Z$/, "Z")
  const json = `${JSON.stringify(record, null, 2)}\n`
  const files = [path.join(dir, `${stamp}.json`), path.join(dir, "latest.json"), path.join(dir, "latest.md")]
  writeFileSync(files[0]!, json)
  writeFileSync(files[1]!, json)
  writeFileSync(files[2]!, markdownSection(record))
  return files
}
