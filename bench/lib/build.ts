// Builds what the bench runs: the bot exactly as `npm start` does (`npm run build`, then
// `node dist/main.js`), and the bare Bolt baseline compiled the same way (plain JS, no loader), so
// neither side pays for on-the-fly TypeScript at start-up.
import { spawnSync } from "node:child_process"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"

export const repoRoot = path.resolve(import.meta.dirname, "../..")
export const botScript = path.join(repoRoot, "dist/main.js")
/** Inside the repository so `@slack/bolt` resolves from its node_modules; ignored by git. */
export const bareScript = path.join(repoRoot, "bench/.build/bareBolt.js")

export const buildBot = (): number => {
  const started = performance.now()
  const npm = process.platform === "win32" ? "npm.cmd" : "npm"
  const result = spawnSync(npm, ["run", "build"], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"]
  })
  if (result.status !== 0)
    throw new Error(`npm run build failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  return performance.now() - started
}

export const buildBareBolt = (): void => {
  const source = readFileSync(path.join(repoRoot, "bench/bareBolt.ts"), "utf8")
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
    fileName: "bareBolt.ts"
  })
  mkdirSync(path.dirname(bareScript), { recursive: true })
  writeFileSync(bareScript, outputText)
}
