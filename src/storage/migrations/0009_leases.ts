import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * Named leases between replicas (e.g. which one polls subscriptions). They coordinate processes, not a
 * team's data, so they are keyed by name alone.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE leases (
      name TEXT NOT NULL PRIMARY KEY,
      holder TEXT NOT NULL,
      acquired_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    )`
})
