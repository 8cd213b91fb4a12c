import { SqlClient, SqlSchema } from "@effect/sql"
import { Clock, Context, Effect, Layer, Schema } from "effect"
import { describeCause, StorageError } from "./StorageError.js"
import { TokenSealer } from "./TokenSealer.js"

/**
 * Which key seals tokens, agreed through the database so that rotating TOKEN_ENCRYPTION_KEY is safe
 * across replicas that restart one by one.
 *
 * A replica may only seal with a key every other replica can open. So a rotation adds the new key
 * everywhere first (`<old>,<new>`: it opens both, nothing seals with `<new>` yet), then puts it first
 * (`<new>,<old>`). A replica started with a key first *announces* it here, once; from then on every
 * replica seals with the most recently announced key it holds, and re-seals stored tokens onto it
 * (TokenResealing.ts). So replicas still on `<old>,<new>` start sealing with `<new>` too (no token is left
 * behind on `<old>` by a replica that was slow to restart) and none ever moves tokens back to `<old>`.
 * Once every stored token is on `<new>` (a replica logs it), `<old>` can be dropped.
 *
 * A retired key is never used again: announced long ago, it would not count as the newest.
 */
export interface SealingChoice {
  /** The key to seal with: the most recently announced among those this replica holds. */
  readonly keyId: string
  /** Keys announced after it that this replica does not hold: tokens sealed with them cannot open here. */
  readonly missing: ReadonlyArray<string>
  /** Keys announced before it that this replica still holds: retired, once no token is sealed with them. */
  readonly retired: ReadonlyArray<string>
}

export interface SealingKeysService {
  /** Records that this replica's first key seals from now on, unless it was announced before. */
  readonly announce: Effect.Effect<void, StorageError>
  readonly choose: Effect.Effect<SealingChoice, StorageError>
}

const failed = (operation: string) => (cause: unknown) =>
  new StorageError({ reason: "query", detail: `${operation}: ${describeCause(cause)}` })

const AnnouncedKey = Schema.Struct({ key_id: Schema.String })

export class SealingKeys extends Context.Tag("bot/storage/SealingKeys")<SealingKeys, SealingKeysService>() {
  static readonly layer: Layer.Layer<SealingKeys, never, SqlClient.SqlClient | TokenSealer> = Layer.effect(
    SealingKeys,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const sealer = yield* TokenSealer
      const newestFirst = SqlSchema.findAll({
        Request: Schema.Void,
        Result: AnnouncedKey,
        execute: () => sql`SELECT key_id FROM sealing_keys ORDER BY sealing_since DESC, key_id DESC`
      })

      const announce = Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const since = new Date(now).toISOString()
        return sql`INSERT INTO sealing_keys (key_id, sealing_since) VALUES (${sealer.currentKeyId}, ${since})
          ON CONFLICT (key_id) DO NOTHING`
      }).pipe(
        Effect.asVoid,
        Effect.mapError(failed("Announcing the sealing key")),
        Effect.withSpan("SealingKeys.announce")
      )

      const choose = newestFirst(undefined).pipe(
        Effect.map((announced): SealingChoice => {
          const ids = announced.map((row) => row.key_id)
          const newestHeld = ids.findIndex(sealer.holds)
          // None announced that this replica holds (its own announcement failed): its first key.
          if (newestHeld < 0) return { keyId: sealer.currentKeyId, missing: ids, retired: [] }
          return {
            keyId: ids[newestHeld]!,
            missing: ids.slice(0, newestHeld),
            retired: ids.slice(newestHeld + 1).filter(sealer.holds)
          }
        }),
        Effect.mapError(failed("Reading the sealing keys")),
        Effect.withSpan("SealingKeys.choose")
      )

      return SealingKeys.of({ announce, choose })
    })
  )
}
