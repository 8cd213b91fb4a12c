import { fn } from "../tracing/fn.js"
import { SqlClient, SqlSchema } from "@effect/sql"
import { Array as Arr, Context, Effect, Layer, Option, Schema } from "effect"
import { isoAt, millisAt } from "./StorageClock.js"
import { failedTo, type StorageError } from "./StorageError.js"
import { KeyRequest, type SubscriptionKey } from "./SubscriptionRow.js"

/** What a subscription last posted about one item (`event:<id>`, `deployment:<id>`). */
export interface Delivered {
  /** The item's state when posted, e.g. a deployment's status; compared to decide on an edit. */
  readonly state: string
  /** The Slack message's ts, to edit it in place; null for an item seen but not posted by itself. */
  readonly ts: string | null
  readonly updatedAt: Date
}

/** The state of an item claimed before its message is posted: never posted again, whatever follows. */
export const CLAIMED = "claimed"

/** Where a subscription starts: nothing older than this is ever posted for it. */
export interface Baseline {
  /** The app's newest event id when subscribing, if it had any events. */
  readonly newestEventId: string | null
  readonly since: Date
}

export interface DeliveryLedgerService {
  /** The entries held for these items (items without one are absent from the map). */
  readonly seen: (
    subscription: SubscriptionKey,
    itemKeys: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyMap<string, Delivered>, StorageError>
  /** Creates or replaces the entry for one item. */
  readonly record: (
    subscription: SubscriptionKey,
    itemKey: string,
    state: string,
    ts: string | null,
    now?: Date
  ) => Effect.Effect<void, StorageError>
  /** The items of a subscription in this state, touched since `since` (e.g. the crash alerts still open). */
  readonly inState: (
    subscription: SubscriptionKey,
    state: string,
    since: Date
  ) => Effect.Effect<ReadonlyArray<{ readonly itemKey: string; readonly ts: string | null }>, StorageError>
  /** Deletes these items' entries that are still only claimed (their message surely never shown). */
  readonly unclaim: (
    subscription: SubscriptionKey,
    itemKeys: ReadonlyArray<string>
  ) => Effect.Effect<void, StorageError>
  readonly baseline: (subscription: SubscriptionKey) => Effect.Effect<Option.Option<Baseline>, StorageError>
  /** Sets the baseline (at subscribe, and when subscribing again). */
  readonly setBaseline: (subscription: SubscriptionKey, baseline: Baseline) => Effect.Effect<void, StorageError>
  /** Drops a subscription's entries and baseline (after unsubscribing). */
  readonly forget: (subscription: SubscriptionKey) => Effect.Effect<void, StorageError>
  /** Deletes entries (not baselines) last updated before `cutoff`, in every team; returns how many. */
  readonly prune: (cutoff: Date) => Effect.Effect<number, StorageError>
}

export class DeliveryLedger extends Context.Tag("bot/storage/DeliveryLedger")<DeliveryLedger, DeliveryLedgerService>() {
  static readonly layer: Layer.Layer<DeliveryLedger, never, SqlClient.SqlClient> = Layer.effect(
    DeliveryLedger,
    Effect.map(SqlClient.SqlClient, (sql) => makeDeliveryLedger(sql))
  )
}

const EntryRow = Schema.Struct({
  item_key: Schema.String,
  state: Schema.String,
  message_ts: Schema.NullOr(Schema.String),
  updated_at: Schema.Date
})
const decodeEntries = Schema.decodeUnknown(Schema.Array(EntryRow))

const BaselineRow = Schema.Struct({ newest_event_id: Schema.NullOr(Schema.String), since: Schema.Date })

/** Keys per statement, well under either dialect's limit on parameters. */
const KEYS_PER_READ = 500

const makeDeliveryLedger = (sql: SqlClient.SqlClient): DeliveryLedgerService => {
  const where = (key: SubscriptionKey) =>
    sql`team_id = ${key.teamId} AND channel_id = ${key.channelId} AND app = ${key.app}`
  const keyColumns = (key: SubscriptionKey) => ({ team_id: key.teamId, channel_id: key.channelId, app: key.app })
  const findBaseline = SqlSchema.findOne({
    Request: KeyRequest,
    Result: BaselineRow,
    execute: (key) => sql`SELECT newest_event_id, since FROM delivery_baselines WHERE ${where(key)}`
  })

  const seen = fn("DeliveryLedger.seen")(
    function* (subscription: SubscriptionKey, itemKeys: ReadonlyArray<string>) {
      const found = new Map<string, Delivered>()
      for (const chunk of Arr.chunksOf(Arr.dedupe(itemKeys), KEYS_PER_READ)) {
        const rows = yield* decodeEntries(
          yield* sql`SELECT item_key, state, message_ts, updated_at FROM delivery_ledger
          WHERE ${where(subscription)} AND item_key IN ${sql.in(chunk)}`
        )
        for (const row of rows)
          found.set(row.item_key, { state: row.state, ts: row.message_ts, updatedAt: row.updated_at })
      }
      return found as ReadonlyMap<string, Delivered>
    },
    Effect.mapError(failedTo("Reading what a subscription posted"))
  )

  const record = fn("DeliveryLedger.record")(
    function* (subscription: SubscriptionKey, itemKey: string, state: string, ts: string | null, now?: Date) {
      const row = {
        ...keyColumns(subscription),
        item_key: itemKey,
        state,
        message_ts: ts,
        updated_at: isoAt(yield* millisAt(now))
      }
      yield* sql`INSERT INTO delivery_ledger ${sql.insert(row)}
      ON CONFLICT (team_id, channel_id, app, item_key) DO UPDATE SET
        state = excluded.state, message_ts = excluded.message_ts, updated_at = excluded.updated_at`
    },
    Effect.mapError(failedTo("Recording what a subscription posted"))
  )

  const inState = fn("DeliveryLedger.inState")(
    function* (subscription: SubscriptionKey, state: string, since: Date) {
      const rows = yield* decodeEntries(
        yield* sql`SELECT item_key, state, message_ts, updated_at FROM delivery_ledger
        WHERE ${where(subscription)} AND state = ${state} AND updated_at >= ${since.toISOString()}
        ORDER BY updated_at LIMIT 20`
      )
      return rows.map((row) => ({ itemKey: row.item_key, ts: row.message_ts }))
    },
    Effect.mapError(failedTo("Reading what a subscription posted"))
  )

  const unclaim = fn("DeliveryLedger.unclaim")(
    (subscription: SubscriptionKey, itemKeys: ReadonlyArray<string>) =>
      sql`DELETE FROM delivery_ledger
      WHERE ${where(subscription)} AND state = ${CLAIMED} AND item_key IN ${sql.in(itemKeys)}`,
    Effect.asVoid,
    Effect.mapError(failedTo("Giving back what a subscription claimed"))
  )

  const baseline = fn("DeliveryLedger.baseline")(
    (subscription: SubscriptionKey) =>
      Effect.map(
        findBaseline(subscription),
        Option.map((row): Baseline => ({ newestEventId: row.newest_event_id, since: row.since }))
      ),
    Effect.mapError(failedTo("Reading a subscription's baseline"))
  )

  const setBaseline = fn("DeliveryLedger.setBaseline")(
    (subscription: SubscriptionKey, value: Baseline) =>
      sql`INSERT INTO delivery_baselines ${sql.insert({
        ...keyColumns(subscription),
        newest_event_id: value.newestEventId,
        since: value.since.toISOString()
      })}
      ON CONFLICT (team_id, channel_id, app) DO UPDATE SET
        newest_event_id = excluded.newest_event_id, since = excluded.since`,
    Effect.asVoid,
    Effect.mapError(failedTo("Recording a subscription's baseline"))
  )

  const forget = fn("DeliveryLedger.forget")(
    (subscription: SubscriptionKey) =>
      sql.withTransaction(
        Effect.zipRight(
          sql`DELETE FROM delivery_ledger WHERE ${where(subscription)}`,
          sql`DELETE FROM delivery_baselines WHERE ${where(subscription)}`
        )
      ),
    Effect.asVoid,
    Effect.mapError(failedTo("Forgetting what a subscription posted"))
  )

  const prune = fn("DeliveryLedger.prune")(
    (cutoff: Date) =>
      Effect.map(
        sql`DELETE FROM delivery_ledger WHERE updated_at < ${cutoff.toISOString()} RETURNING item_key`,
        (removed) => removed.length
      ),
    Effect.mapError(failedTo("Pruning what subscriptions posted"))
  )

  return { seen, record, inState, unclaim, baseline, setBaseline, forget, prune }
}
