import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * One row per change made through the bot, written before the change is sent and completed with its
 * outcome afterwards. Ids are random text, so neither dialect needs its own auto-increment.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE audit_records (
      team_id TEXT NOT NULL,
      id TEXT NOT NULL,
      slack_user_id TEXT NOT NULL,
      scalingo_user TEXT,
      channel_id TEXT NOT NULL,
      action TEXT NOT NULL,
      app TEXT,
      region TEXT,
      details TEXT NOT NULL,
      outcome TEXT NOT NULL,
      error_tag TEXT,
      scalingo_ref TEXT,
      created_at TEXT NOT NULL,
      completed_at TEXT,
      PRIMARY KEY (team_id, id)
    )`
  // Pages newest first within a team; retention and crash recovery look across teams by age.
  yield* sql`CREATE INDEX audit_records_team_created ON audit_records (team_id, created_at)`
  yield* sql`CREATE INDEX audit_records_created ON audit_records (created_at)`
  yield* sql`CREATE INDEX audit_records_outcome ON audit_records (outcome, created_at)`
})
