import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"

export interface StorageHealthService {
  /** True when the database answers a trivial query within a couple of seconds; never fails. */
  readonly ping: Effect.Effect<boolean>
}

export class StorageHealth extends Context.Tag("bot/storage/StorageHealth")<StorageHealth, StorageHealthService>() {
  static readonly layer: Layer.Layer<StorageHealth, never, SqlClient.SqlClient> = Layer.effect(
    StorageHealth,
    Effect.map(SqlClient.SqlClient, (sql) => ({
      ping: sql`SELECT 1`.pipe(
        Effect.timeout("2 seconds"),
        Effect.as(true),
        Effect.catchAllCause(() => Effect.succeed(false)),
        Effect.withSpan("StorageHealth.ping")
      )
    }))
  )
}
