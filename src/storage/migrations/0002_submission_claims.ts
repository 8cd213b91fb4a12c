import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * One row per modal submission that took effect (keyed by Slack's view id), so a double click or a
 * Slack retry landing on any replica never creates a second app.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE submission_claims (
      claim_key TEXT NOT NULL PRIMARY KEY,
      claimed_at TEXT NOT NULL
    )`
  yield* sql`CREATE INDEX submission_claims_claimed_at ON submission_claims (claimed_at)`
})
