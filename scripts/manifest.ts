// `npm run manifest`: writes the slash command's description and usage hint of both manifests from the
// commands' declarations (test/commands/declarations.test.ts fails when they drift).
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { MANIFESTS, withDerivedFields } from "./manifestText.js"

for (const name of MANIFESTS) {
  const file = fileURLToPath(new URL(`../${name}`, import.meta.url))
  const before = readFileSync(file, "utf8")
  const after = withDerivedFields(before)
  if (after !== before) writeFileSync(file, after)
  console.log(`${name}: ${after === before ? "up to date" : "written"}`)
}
