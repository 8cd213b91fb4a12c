import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { describeCause, StorageError } from "./StorageError.js"

/**
 * Makes a modal submission take effect once: Slack may retry a request (possibly on another
 * replica) and people double-click. The key is the view's id, unique per opened modal.
 */
export interface SubmissionClaimsService {
  /** True the first time a key is claimed, false while it stays claimed. */
  readonly claim: (key: string) => Effect.Effect<boolean, StorageError>
  /** Frees a key after a failure that changed nothing, so the person can correct and resubmit. */
  readonly release: (key: string) => Effect.Effect<void, StorageError>
}

/** Claims older than this can no longer be retried by Slack and are swept. */
const KEEP_FOR_MS = 24 * 3_600_000

export class SubmissionClaims extends Context.Tag("bot/storage/SubmissionClaims")<
  SubmissionClaims,
  SubmissionClaimsService
>() {
  static readonly layer = Layer.effect(
    SubmissionClaims,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const failed = (cause: unknown) =>
        new StorageError({ reason: "query", detail: `Could not record a submission: ${describeCause(cause)}` })

      const claim = Effect.fn("SubmissionClaims.claim")(function* (key: string) {
        const now = new Date()
        yield* sql`DELETE FROM submission_claims WHERE claimed_at < ${new Date(now.getTime() - KEEP_FOR_MS).toISOString()}`
        // One atomic statement decides the winner, whichever replica each request reached.
        const inserted =
          yield* sql`INSERT INTO submission_claims (claim_key, claimed_at) VALUES (${key}, ${now.toISOString()})
          ON CONFLICT (claim_key) DO NOTHING RETURNING claim_key`
        return inserted.length === 1
      }, Effect.mapError(failed))

      const release = Effect.fn("SubmissionClaims.release")(function* (key: string) {
        yield* sql`DELETE FROM submission_claims WHERE claim_key = ${key}`
      }, Effect.mapError(failed))

      return SubmissionClaims.of({ claim, release })
    })
  )
}
