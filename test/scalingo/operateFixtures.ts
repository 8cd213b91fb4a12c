import * as fs from "node:fs"
import * as path from "node:path"
import { Schema } from "effect"
import { DOCS_FIXTURES_DIR } from "./docsFixtures.js"

/** One of Scalingo's documented examples (shared/fixtures/scalingo-docs), parsed. */
export const fixture = (file: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(DOCS_FIXTURES_DIR, file), "utf8"))

/** The fixture decoded with `schema`, throwing (and so failing the test) when it does not fit. */
export const decodeFixture = <A, I>(schema: Schema.Schema<A, I>, file: string): A =>
  Schema.decodeUnknownSync(schema)(fixture(file))

/** The fixture files whose names start with one of `prefixes`, sorted: new ones are picked up. */
export const fixturesNamed = (...prefixes: ReadonlyArray<string>): ReadonlyArray<string> =>
  fs
    .readdirSync(DOCS_FIXTURES_DIR)
    .filter((file) => file.endsWith(".json") && prefixes.some((prefix) => file.startsWith(prefix)))
    .sort()
