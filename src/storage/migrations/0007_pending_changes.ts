import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * One row per change waiting for its asker's confirmation (a restart, a scale). `details` is small JSON
 * that never holds a secret; `status` moves once from pending to confirmed, cancelled or expired.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE pending_changes (
      team_id TEXT NOT NULL,
      id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      action TEXT NOT NULL,
      app TEXT NOT NULL,
      region TEXT NOT NULL,
      details TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      status TEXT NOT NULL,
      decided_at TEXT,
      PRIMARY KEY (team_id, id)
    )`
  // The expiry pass and the sweep look rows up by expiry across every team.
  yield* sql`CREATE INDEX pending_changes_expires_at ON pending_changes (expires_at)`
})
