import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"
import { repoRoot } from "../support/botProcess.js"

/** The repository's own source files, read from disk, and the imports between them. */

const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/
// Generated or vendored: written by tools, not by people.
const SKIPPED = new Set(["node_modules", "dist", "coverage", ".test-results", "results"])

/** Every code file under `folder` (relative to the repository root), as repository-relative paths. */
export const codeFilesUnder = (folder: string): Array<string> => {
  const walk = (dir: string): Array<string> =>
    readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.posix.join(dir, entry.name)
      if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : walk(relative)
      return CODE.test(entry.name) ? [relative] : []
    })
  return walk(folder).sort()
}

export const readSource = (file: string): string => readFileSync(path.join(repoRoot, file), "utf8")

/**
 * The files of ours that `file` imports (static, type-only, re-exports and dynamic `import()`), as
 * repository-relative paths; packages are left out.
 */
export const localImportsOf = (file: string): Array<string> => {
  const { importedFiles } = ts.preProcessFile(readSource(file), true, true)
  return importedFiles
    .map((i) => i.fileName)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      // ESM TypeScript imports name the emitted file: "./x.js" is "./x.ts" on disk.
      return target.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts")
    })
}
