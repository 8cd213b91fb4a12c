import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * A one-way fingerprint of each stored token, so that a command that saw Scalingo refuse a token marks
 * the link dead only while the link still holds that token. NULL for rows saved before it existed: those
 * have not been saved again since, so they still hold the token any command read from them.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`ALTER TABLE account_links ADD COLUMN token_fingerprint TEXT`
})
