import { SqliteClient } from "@effect/sql-sqlite-node"
import { Effect } from "effect"

/** Runs SQL work on its own short-lived connection to a SQLite file (the bot's, after it stopped or died). */
export const withSqlite = <A>(filename: string, f: (sql: SqliteClient.SqliteClient) => Effect.Effect<A, unknown>) =>
  Effect.runPromise(Effect.flatMap(SqliteClient.SqliteClient, f).pipe(Effect.provide(SqliteClient.layer({ filename }))))
