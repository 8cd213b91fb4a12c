import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * Where each pending change's private question can be edited (the interaction's response_url, usable
 * for 30 minutes), so an expired question says so when it expires, not when someone clicks it.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`ALTER TABLE pending_changes ADD COLUMN question_url TEXT`
})
