import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * One row per encryption key some replica put first in TOKEN_ENCRYPTION_KEY, with when that first
 * happened: every replica seals with the most recent of these that it holds (see SealingKeys.ts).
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE sealing_keys (
      key_id TEXT NOT NULL PRIMARY KEY,
      sealing_since TEXT NOT NULL
    )`
})
