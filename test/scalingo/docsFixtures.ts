import * as fs from "node:fs"
import * as path from "node:path"

/**
 * Scalingo's own documented JSON examples (shared/fixtures/scalingo-docs, a sibling of the repo in
 * CI as here), and every event found in them.
 */
export const DOCS_FIXTURES_DIR = path.resolve(process.cwd(), "../shared/fixtures/scalingo-docs")

export interface FixtureEvent {
  readonly file: string
  readonly raw: Record<string, unknown>
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** An event: a string `type` with `type_data`, or with an author and a date (the docs' bare example). */
const looksLikeEvent = (value: Record<string, unknown>): boolean =>
  typeof value["type"] === "string" &&
  ("type_data" in value || (isObject(value["user"]) && typeof value["created_at"] === "string"))

const eventsIn = (value: unknown): Array<Record<string, unknown>> => {
  if (Array.isArray(value)) return value.flatMap(eventsIn)
  if (!isObject(value)) return []
  return looksLikeEvent(value) ? [value] : Object.values(value).flatMap(eventsIn)
}

export const fixtureEvents = (): Array<FixtureEvent> =>
  fs
    .readdirSync(DOCS_FIXTURES_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .flatMap((file) =>
      eventsIn(JSON.parse(fs.readFileSync(path.join(DOCS_FIXTURES_DIR, file), "utf8"))).map((raw) => ({ file, raw }))
    )

/** Every `value`/`old_value` string inside an event's type_data (variables carry secrets there). */
export const valuesIn = (typeData: unknown): Array<string> => {
  if (Array.isArray(typeData)) return typeData.flatMap(valuesIn)
  if (!isObject(typeData)) return []
  return Object.entries(typeData).flatMap(([key, value]) =>
    (key === "value" || key === "old_value") && typeof value === "string" ? [value] : valuesIn(value)
  )
}
