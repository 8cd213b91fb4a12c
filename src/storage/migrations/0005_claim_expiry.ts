import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** What older claims kept them for: the sweep removed them a day after they were made. */
const LEGACY_KEEP_MS = 24 * 3_600_000

/**
 * Each claim says until when it holds, so one table serves every "at most once" change (a create
 * submission, a confirmed restart or scale) whatever its own lifetime. Claims made before this keep at
 * least the day they had.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`ALTER TABLE submission_claims ADD COLUMN expires_at TEXT`
  yield* sql`UPDATE submission_claims SET expires_at = ${new Date(Date.now() + LEGACY_KEEP_MS).toISOString()}`
  yield* sql`CREATE INDEX submission_claims_expires_at ON submission_claims (expires_at)`
})
