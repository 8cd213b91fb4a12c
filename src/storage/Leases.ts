import { fn } from "../tracing/fn.js"
import { SqlClient, SqlSchema } from "@effect/sql"
import { Context, Duration, Effect, Layer, Option, Schema } from "effect"
import { isoAt, millisAt } from "./StorageClock.js"
import { failedTo, type StorageError } from "./StorageError.js"

/** Who holds a named lease, and until when. */
export interface Lease {
  readonly name: string
  readonly holder: string
  /** When the current holder took it (renewals keep it). */
  readonly acquiredAt: Date
  readonly expiresAt: Date
}

/**
 * Named leases shared by every replica on the database, so one of them does a job (polling
 * subscriptions) and another takes over within one `ttl` when it dies. Times come from each replica's
 * clock, so clocks must agree to well within the ttl.
 */
export interface LeasesService {
  /**
   * In one atomic statement: takes the lease if it is free or expired, renews it if `holder` already
   * has it. True when `holder` holds it until `now + ttl`; false while someone else does.
   */
  readonly acquire: (
    name: string,
    holder: string,
    ttl: Duration.DurationInput,
    now?: Date
  ) => Effect.Effect<boolean, StorageError>
  /** Gives the lease up so another replica need not wait for it to expire; true when `holder` had it. */
  readonly release: (name: string, holder: string) => Effect.Effect<boolean, StorageError>
  /** The lease as stored (possibly expired), if anyone ever took it. */
  readonly current: (name: string) => Effect.Effect<Option.Option<Lease>, StorageError>
}

export class Leases extends Context.Tag("bot/storage/Leases")<Leases, LeasesService>() {
  static readonly layer: Layer.Layer<Leases, never, SqlClient.SqlClient> = Layer.effect(
    Leases,
    Effect.map(SqlClient.SqlClient, (sql) => makeLeases(sql))
  )
}

const LeaseRow = Schema.Struct({
  name: Schema.String,
  holder: Schema.String,
  acquired_at: Schema.Date,
  expires_at: Schema.Date
})

const makeLeases = (sql: SqlClient.SqlClient): LeasesService => {
  const findRow = SqlSchema.findOne({
    Request: Schema.String,
    Result: LeaseRow,
    execute: (name) => sql`SELECT * FROM leases WHERE name = ${name}`
  })

  const acquire = fn("Leases.acquire")(
    function* (name: string, holder: string, ttl: Duration.DurationInput, now?: Date) {
      const at = yield* millisAt(now)
      const [nowIso, untilIso] = [isoAt(at), isoAt(at + Duration.toMillis(ttl))]
      // The conflict branch re-checks the stored row under its lock, so of two racing replicas exactly
      // one sees the lease free; the other's update matches nothing and returns no row.
      const held = yield* sql`INSERT INTO leases (name, holder, acquired_at, expires_at)
      VALUES (${name}, ${holder}, ${nowIso}, ${untilIso})
      ON CONFLICT (name) DO UPDATE SET
        holder = excluded.holder,
        expires_at = excluded.expires_at,
        acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END
        WHERE leases.holder = excluded.holder OR leases.expires_at <= ${nowIso}
      RETURNING holder`
      return held.length === 1
    },
    Effect.mapError(failedTo("Taking a lease"))
  )

  const release = fn("Leases.release")(
    (name: string, holder: string) =>
      Effect.map(
        sql`DELETE FROM leases WHERE name = ${name} AND holder = ${holder} RETURNING name`,
        (rows) => rows.length > 0
      ),
    Effect.mapError(failedTo("Releasing a lease"))
  )

  const current = fn("Leases.current")(
    (name: string) =>
      Effect.map(
        findRow(name),
        Option.map(
          (row): Lease => ({
            name: row.name,
            holder: row.holder,
            acquiredAt: row.acquired_at,
            expiresAt: row.expires_at
          })
        )
      ),
    Effect.mapError(failedTo("Reading a lease"))
  )

  return { acquire, release, current }
}
