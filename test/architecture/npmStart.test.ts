import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { repoRoot } from "../support/botProcess.js"

/**
 * `npm start` builds dist/main.js only when it is older than what went into it. Run in a copy of the
 * project (the real package.json, lock file and build script; a two-file src/) so the repository's own
 * bundle, which other tests run, is never touched.
 */

let project: string
const file = (name: string) => path.join(project, name)
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000)
const setModified = (name: string, when: Date) => utimesSync(file(name), when, when)
const builtAt = () => statSync(file("dist/main.js")).mtimeMs

const npm = (...args: Array<string>) => {
  const result = spawnSync("npm", args, {
    cwd: project,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    timeout: 60_000
  })
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0)
  return { output: result.stdout, rebuilt: !result.stdout.includes("is up to date with its sources") }
}

const writeGreeting = (greeting: string) =>
  writeFileSync(file("src/greeting.ts"), `export const greeting: string = ${JSON.stringify(greeting)}\n`)

describe("npm start", () => {
  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), "scalingo-bot-start-"))
    mkdirSync(file("src"))
    mkdirSync(file("scripts"))
    for (const name of ["package.json", "package-lock.json", "scripts/build.mjs"])
      copyFileSync(path.join(repoRoot, name), file(name))
    symlinkSync(path.join(repoRoot, "node_modules"), file("node_modules"), "dir")
    writeFileSync(file("src/main.ts"), 'import { greeting } from "./greeting.js"\nconsole.log(greeting)\n')
    writeGreeting("first bundle")
    for (const name of ["package.json", "package-lock.json", "scripts/build.mjs", "src/main.ts", "src/greeting.ts"])
      setModified(name, secondsAgo(600))
  })
  afterAll(() => {
    if (project !== undefined) rmSync(project, { recursive: true, force: true })
  })

  it("builds when there is no bundle yet, then runs it", () => {
    const first = npm("start")
    expect(first.rebuilt).toBe(true)
    expect(first.output).toContain("first bundle")
  })

  it("does not rebuild when the bundle is newer than every source and the lock file", () => {
    const before = builtAt()
    const again = npm("start")
    expect(again.rebuilt).toBe(false)
    expect(again.output).toContain("first bundle")
    expect(builtAt()).toBe(before)
  })

  it("rebuilds when a source changed after the bundle was built", () => {
    writeGreeting("second bundle")
    setModified("dist/main.js", secondsAgo(300))
    setModified("src/greeting.ts", secondsAgo(200))
    const changed = npm("start")
    expect(changed.rebuilt).toBe(true)
    expect(changed.output).toContain("second bundle")
    expect(npm("start").rebuilt).toBe(false)
  })

  it("rebuilds when the lock file changed (dependencies may have)", () => {
    setModified("dist/main.js", secondsAgo(300))
    setModified("package-lock.json", secondsAgo(200))
    expect(npm("start").rebuilt).toBe(true)
  })

  it("npm run build always builds", () => {
    const pretendBuilt = secondsAgo(100)
    setModified("dist/main.js", pretendBuilt)
    expect(npm("run", "build").rebuilt).toBe(true)
    expect(builtAt()).toBeGreaterThan(pretendBuilt.getTime())
  })
})
