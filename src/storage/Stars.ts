import { fn } from "../tracing/fn.js"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Schema } from "effect"
import { isoAt, millisAt } from "./StorageClock.js"
import { failedTo, type StorageError } from "./StorageError.js"

/** An app one person starred, for their App Home. */
export interface Star {
  readonly app: string
  readonly region: string
  readonly starredAt: Date
}

export interface StarsService {
  /** True when newly starred; starring again changes nothing. */
  readonly star: (teamId: string, userId: string, app: string, region: string) => Effect.Effect<boolean, StorageError>
  /** True when it was starred. */
  readonly unstar: (teamId: string, userId: string, app: string, region: string) => Effect.Effect<boolean, StorageError>
  /** The person's stars, by app name then region. */
  readonly list: (teamId: string, userId: string) => Effect.Effect<ReadonlyArray<Star>, StorageError>
}

export class Stars extends Context.Tag("bot/storage/Stars")<Stars, StarsService>() {
  static readonly layer: Layer.Layer<Stars, never, SqlClient.SqlClient> = Layer.effect(
    Stars,
    Effect.map(SqlClient.SqlClient, (sql) => makeStars(sql))
  )
}

const StarRow = Schema.Struct({ app: Schema.String, region: Schema.String, starred_at: Schema.Date })
const decodeStars = Schema.decodeUnknown(Schema.Array(StarRow))

const makeStars = (sql: SqlClient.SqlClient): StarsService => {
  const star = fn("Stars.star")(
    function* (teamId: string, userId: string, app: string, region: string) {
      const row = { team_id: teamId, user_id: userId, app, region, starred_at: isoAt(yield* millisAt(undefined)) }
      const added = yield* sql`INSERT INTO stars ${sql.insert(row)}
      ON CONFLICT (team_id, user_id, app, region) DO NOTHING RETURNING app`
      return added.length > 0
    },
    Effect.mapError(failedTo("Starring an app"))
  )

  const unstar = fn("Stars.unstar")(
    (teamId: string, userId: string, app: string, region: string) =>
      Effect.map(
        sql`DELETE FROM stars
          WHERE team_id = ${teamId} AND user_id = ${userId} AND app = ${app} AND region = ${region} RETURNING app`,
        (rows) => rows.length > 0
      ),
    Effect.mapError(failedTo("Unstarring an app"))
  )

  const list = fn("Stars.list")(
    function* (teamId: string, userId: string) {
      const rows = yield* decodeStars(
        yield* sql`SELECT app, region, starred_at FROM stars
        WHERE team_id = ${teamId} AND user_id = ${userId} ORDER BY app, region`
      )
      return rows.map((row): Star => ({ app: row.app, region: row.region, starredAt: row.starred_at }))
    },
    Effect.mapError(failedTo("Reading starred apps"))
  )

  return { star, unstar, list }
}
