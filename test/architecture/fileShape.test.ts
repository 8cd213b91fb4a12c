import { describe, expect, it } from "vitest"
import { codeFilesUnder, readSource } from "./sourceFiles.js"

/**
 * Files a person can read: no line over 120 characters in src/, test/, bench/ and scripts/, and no
 * file in src/ over 200 lines unless its first comment line says why (`over 200 lines: <reason>`).
 */

const MAX_LINE = 120
const MAX_LINES = 200

const linesOf = (file: string) => readSource(file).replace(/\n$/, "").split("\n")

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line)

describe("file shape", () => {
  it(`no line over ${MAX_LINE} characters in src/, test/, bench/, scripts/`, () => {
    const files = ["src", "test", "bench", "scripts"].flatMap(codeFilesUnder)
    expect(files).toContain("scripts/build.mjs")
    const tooLong = files.flatMap((file) =>
      linesOf(file).flatMap((line, i) => (line.length > MAX_LINE ? [`${file}:${i + 1} (${line.length})`] : []))
    )
    expect(tooLong, `lines over ${MAX_LINE} characters`).toEqual([])
  })

  it(`no file in src/ over ${MAX_LINES} lines without a reason in its first comment line`, () => {
    const unexplained = codeFilesUnder("src").flatMap((file) => {
      const lines = linesOf(file)
      if (lines.length <= MAX_LINES) return []
      const firstComment = lines.find(isComment) ?? ""
      return firstComment.includes("over 200 lines:") ? [] : [`${file} (${lines.length} lines)`]
    })
    expect(
      unexplained,
      `files over ${MAX_LINES} lines whose first comment line has no "over 200 lines:" reason`
    ).toEqual([])
  })
})
