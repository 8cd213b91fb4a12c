import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * One row per Slack person (team + user) who linked a Scalingo account. Plain TEXT everywhere, with
 * timestamps as ISO-8601 text, so SQLite and PostgreSQL store and return the same shapes.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE account_links (
      team_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      sealed_token TEXT NOT NULL,
      key_id TEXT NOT NULL,
      scalingo_user_id TEXT NOT NULL,
      username TEXT NOT NULL,
      email TEXT NOT NULL,
      linked_at TEXT NOT NULL,
      last_used_at TEXT,
      rejected_at TEXT,
      PRIMARY KEY (team_id, user_id)
    )`
  // Lets the start-up re-seal find rows sealed by an older key without scanning the table.
  yield* sql`CREATE INDEX account_links_key_id ON account_links (key_id)`
})
