import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** The apps each person starred for their App Home. */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE stars (
      team_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      app TEXT NOT NULL,
      region TEXT NOT NULL,
      starred_at TEXT NOT NULL,
      PRIMARY KEY (team_id, user_id, app, region)
    )`
})
