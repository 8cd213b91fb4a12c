import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * The Slack workspaces the bot is installed in: one row per team, its bot token sealed like the
 * Scalingo tokens (key_id names the key, for rotation). Today the one row comes from SLACK_BOT_TOKEN;
 * OAuth installs will add more. `enterprise_id` is NULL outside Enterprise Grid.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE installations (
      team_id TEXT NOT NULL,
      enterprise_id TEXT,
      sealed_token TEXT NOT NULL,
      key_id TEXT NOT NULL,
      bot_user_id TEXT NOT NULL,
      bot_id TEXT NOT NULL,
      installed_at TEXT NOT NULL,
      PRIMARY KEY (team_id)
    )`
  yield* sql`CREATE INDEX installations_key_id ON installations (key_id)`
})
