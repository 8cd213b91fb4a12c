import { fn } from "../tracing/fn.js"
import { SqlClient } from "@effect/sql"
import { Clock, Context, Duration, Effect, Layer } from "effect"
import { describeCause, StorageError } from "./StorageError.js"

/**
 * Makes a change take effect at most once: Slack may retry a request (possibly on another replica)
 * and people double-click. A key names the change (e.g. `create:<view id>` for a create modal,
 * unique per opened modal; a confirmation's id for a confirmed restart) within a Slack team; a claim
 * holds until it expires, after which the key can be claimed again.
 */
export interface SubmissionClaimsService {
  /**
   * True the first time a key is claimed, false while it stays claimed (on any replica). `keepFor`
   * (a day by default) must outlast every retry or click that could still arrive, and the work done
   * between claiming and releasing.
   */
  readonly claim: (
    teamId: string,
    key: string,
    keepFor?: Duration.DurationInput
  ) => Effect.Effect<boolean, StorageError>
  /** Frees a key after a failure that changed nothing, so the person can correct and resubmit. */
  readonly release: (teamId: string, key: string) => Effect.Effect<void, StorageError>
}

/** Long past any Slack retry of a modal submission. */
export const DEFAULT_KEEP_FOR = Duration.hours(24)

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

      const claim = fn("SubmissionClaims.claim")(function* (
        teamId: string,
        key: string,
        keepFor: Duration.DurationInput = DEFAULT_KEEP_FOR
      ) {
        const now = yield* Clock.currentTimeMillis
        const [nowIso, expiresIso] = [now, now + Duration.toMillis(keepFor)].map((ms) => new Date(ms).toISOString())
        yield* sql`DELETE FROM submission_claims WHERE expires_at < ${nowIso}`
        // A claim made before claims had teams (team '') holds for every team until it expires. Nothing
        // adds such claims any more, so reading it apart from the insert below leaves no race.
        const legacy = yield* sql`SELECT claim_key FROM submission_claims
          WHERE team_id = '' AND claim_key = ${key} AND expires_at > ${nowIso}`
        if (legacy.length > 0) return false
        // One atomic statement decides the winner, whichever replica each request reached; a claim that
        // expired (and was not swept yet) is taken over in the same statement.
        const won = yield* sql`INSERT INTO submission_claims (team_id, claim_key, claimed_at, expires_at)
          VALUES (${teamId}, ${key}, ${nowIso}, ${expiresIso})
          ON CONFLICT (team_id, claim_key) DO UPDATE
            SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
            WHERE submission_claims.expires_at <= ${nowIso}
          RETURNING claim_key`
        return won.length === 1
      }, Effect.mapError(failed))

      const release = fn("SubmissionClaims.release")(function* (teamId: string, key: string) {
        yield* sql`DELETE FROM submission_claims WHERE team_id = ${teamId} AND claim_key = ${key}`
      }, Effect.mapError(failed))

      return SubmissionClaims.of({ claim, release })
    })
  )
}
