import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** What a channel allows; a channel without a row follows DEFAULT_CHANNEL_POLICY. Lists are JSON arrays. */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE channel_policies (
      team_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      mode TEXT NOT NULL,
      allowed_actions TEXT NOT NULL,
      app_patterns TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (team_id, channel_id)
    )`
})
