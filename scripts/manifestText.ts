import { stringify } from "yaml"
import { COMMANDS } from "../src/commands/catalogue.js"
import { slashDescription, usageHint } from "../src/runtime/declarations.js"

/** The two manifests, kept in step with the commands' declarations by `npm run manifest`. */
export const MANIFESTS = ["manifest.yml", "manifest.socket.yml"] as const

/** The slash command's fields that derive from the declarations. */
export const derivedFields = (): Readonly<Record<"description" | "usage_hint", string>> => ({
  description: slashDescription(COMMANDS),
  usage_hint: usageHint(COMMANDS)
})

const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd()

/**
 * A manifest with its slash command's `description` and `usage_hint` written from the declarations;
 * every other line (comments included) as it was. Fails when the manifest has no such fields to write.
 */
export const withDerivedFields = (manifest: string): string => {
  const lines = manifest.split("\n")
  const start = lines.findIndex((line) => /^\s+slash_commands:\s*$/.test(line))
  if (start < 0) throw new Error("the manifest declares no slash_commands")
  const fields = derivedFields()
  const written = new Set<string>()
  for (let i = start + 1; i < lines.length && /^\s{3,}\S/.test(lines[i]!); i++) {
    const found = /^(\s+)(description|usage_hint): /.exec(lines[i]!)
    if (found === null) continue
    const key = found[2] as keyof typeof fields
    lines[i] = `${found[1]}${key}: ${scalar(fields[key])}`
    written.add(key)
  }
  if (written.size !== 2) throw new Error("the slash command has no description or usage_hint line to write")
  return lines.join("\n")
}
