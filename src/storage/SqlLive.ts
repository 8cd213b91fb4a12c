import * as fs from "node:fs"
import * as path from "node:path"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Cause, Effect, Layer, Redacted } from "effect"
import { StorageSettings } from "./StorageSettings.js"
import { describePostgresUrl, isPostgresUrl } from "./DatabaseLocation.js"
import { sqliteLayer } from "./SqliteConnection.js"
import { describeCause, StorageError } from "./StorageError.js"

type SqlLayer = Layer.Layer<SqlClient.SqlClient, StorageError>

/** Turns any start-up failure (typed or a thrown driver error) into one readable StorageError. */
const failReadably =
  (what: string) =>
  (layer: Layer.Layer<SqlClient.SqlClient, unknown>): SqlLayer =>
    Layer.catchAllCause(layer, (cause) =>
      Cause.isInterruptedOnly(cause)
        ? Layer.failCause(cause as Cause.Cause<never>)
        : Layer.fail(
            new StorageError({
              reason: "connect",
              detail: `Could not open ${what}: ${describeCause(Cause.squash(cause))}`
            })
          )
    )

const postgres = (databaseUrl: string): SqlLayer =>
  PgClient.layer({
    url: Redacted.make(databaseUrl.trim()),
    applicationName: "scalingo-slack-bot",
    connectTimeout: "10 seconds"
  }).pipe(failReadably(describePostgresUrl(databaseUrl)))

/** better-sqlite3 cannot create the folder itself. */
const sqlite = (file: string): SqlLayer => {
  const filename = file.trim()
  return Layer.unwrapEffect(
    Effect.sync(() => {
      if (filename !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true })
      return sqliteLayer({ filename })
    })
  ).pipe(failReadably(`the SQLite database at ${filename}`))
}

/** A SqlClient for an explicit `DATABASE_URL` value. */
export const sqlClientFor = (databaseUrl: string): SqlLayer =>
  isPostgresUrl(databaseUrl) ? postgres(databaseUrl) : sqlite(databaseUrl)

/** The SqlClient named by the `DATABASE_URL` setting; closing the layer closes its connection(s). */
export const SqlLive: Layer.Layer<SqlClient.SqlClient, StorageError, StorageSettings> = Layer.unwrapEffect(
  Effect.map(StorageSettings, (settings) => sqlClientFor(settings.databaseUrl))
)
