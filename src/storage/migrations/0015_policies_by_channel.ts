import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * A channel's policy belongs to the channel, whoever acts in it: channel ids are global in Slack, and a
 * channel shared with another workspace (Slack Connect, Enterprise Grid) must not follow the default for
 * that workspace's members. The key becomes the channel alone (SQLite rebuilds the table to change it);
 * `team_id` stays, as the workspace the policy was set from. Where a shared channel had a policy per
 * workspace, the strictest one is kept (read-only, then allow, then all; the latest among equals).
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE channel_policies_by_channel (
      channel_id TEXT NOT NULL PRIMARY KEY,
      team_id TEXT NOT NULL,
      mode TEXT NOT NULL,
      allowed_actions TEXT NOT NULL,
      app_patterns TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`
  const strictness = (alias: string) =>
    sql.literal(`CASE ${alias}.mode WHEN 'read-only' THEN 0 WHEN 'allow' THEN 1 ELSE 2 END`)
  yield* sql`INSERT INTO channel_policies_by_channel
      (channel_id, team_id, mode, allowed_actions, app_patterns, updated_by, updated_at)
    SELECT p.channel_id, p.team_id, p.mode, p.allowed_actions, p.app_patterns, p.updated_by, p.updated_at
    FROM channel_policies p
    WHERE NOT EXISTS (
      SELECT 1 FROM channel_policies q
      WHERE q.channel_id = p.channel_id AND (
        ${strictness("q")} < ${strictness("p")}
        OR (${strictness("q")} = ${strictness("p")} AND q.updated_at > p.updated_at)
        OR (${strictness("q")} = ${strictness("p")} AND q.updated_at = p.updated_at AND q.team_id > p.team_id)
      )
    )`
  yield* sql`DROP TABLE channel_policies`
  yield* sql`ALTER TABLE channel_policies_by_channel RENAME TO channel_policies`
})
