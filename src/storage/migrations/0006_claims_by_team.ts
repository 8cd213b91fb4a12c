import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * Claims are keyed by Slack team too, so one workspace's keys can never collide with another's. The
 * primary key changes, which SQLite can only do by rebuilding the table. Claims made before this keep
 * holding (for every team) under the team id '' until they expire, at most a day later.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE submission_claims_by_team (
      team_id TEXT NOT NULL,
      claim_key TEXT NOT NULL,
      claimed_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      PRIMARY KEY (team_id, claim_key)
    )`
  yield* sql`INSERT INTO submission_claims_by_team (team_id, claim_key, claimed_at, expires_at)
    SELECT '', claim_key, claimed_at, COALESCE(expires_at, claimed_at) FROM submission_claims`
  yield* sql`DROP TABLE submission_claims`
  yield* sql`ALTER TABLE submission_claims_by_team RENAME TO submission_claims`
  yield* sql`CREATE INDEX submission_claims_expires_at ON submission_claims (expires_at)`
})
