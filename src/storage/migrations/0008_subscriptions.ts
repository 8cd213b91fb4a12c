import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * A channel watching an app, and what each such subscription has already posted. A subscription is
 * paused (paused_at set) when its reader can no longer read the app; only a hash of its webhook URL's
 * secret is kept. The ledger and the baseline are keyed by the subscription's own key.
 */
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE subscriptions (
      team_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      app TEXT NOT NULL,
      region TEXT NOT NULL,
      follows TEXT NOT NULL,
      subscriber_user_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      paused_reason TEXT,
      paused_at TEXT,
      webhook_secret_hash TEXT,
      notifier_id TEXT,
      PRIMARY KEY (team_id, channel_id, app)
    )`
  yield* sql`CREATE INDEX subscriptions_app ON subscriptions (team_id, region, app)`
  yield* sql`CREATE INDEX subscriptions_secret ON subscriptions (webhook_secret_hash)`
  yield* sql`
    CREATE TABLE delivery_ledger (
      team_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      app TEXT NOT NULL,
      item_key TEXT NOT NULL,
      state TEXT NOT NULL,
      message_ts TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (team_id, channel_id, app, item_key)
    )`
  yield* sql`CREATE INDEX delivery_ledger_updated_at ON delivery_ledger (updated_at)`
  yield* sql`
    CREATE TABLE delivery_baselines (
      team_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      app TEXT NOT NULL,
      newest_event_id TEXT,
      since TEXT NOT NULL,
      PRIMARY KEY (team_id, channel_id, app)
    )`
})
