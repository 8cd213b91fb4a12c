import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import path from "node:path"

/**
 * Vitest's global setup: bundles the bot once per run, as `npm start` does (scripts/build.mjs), so every test
 * that starts a bot process runs the bundle. Loading src/ through tsx costs about three times the CPU of the
 * bundle at each start, and the suite starts well over a hundred bots. The folder is this run's own (inside the
 * repository, so the bundle finds node_modules): concurrent runs and `npm run build` never overwrite it.
 */
const repoRoot = path.resolve(import.meta.dirname, "../..")

export default function setup() {
  // Vitest runs the root's global setup once more for each project: the first bundle serves them all.
  if (process.env.TEST_BOT_BUNDLE !== undefined) return
  mkdirSync(path.join(repoRoot, "dist"), { recursive: true })
  const folder = mkdtempSync(path.join(repoRoot, "dist", "test-run-"))
  const bundle = path.join(folder, "main.js")
  execFileSync(process.execPath, ["scripts/build.mjs", "--outfile", bundle], { cwd: repoRoot, stdio: "inherit" })
  // Read by spawnBot in the test workers, which inherit this environment.
  process.env.TEST_BOT_BUNDLE = bundle
  return () => rmSync(folder, { recursive: true, force: true })
}
