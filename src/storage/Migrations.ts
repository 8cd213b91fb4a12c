import { Migrator, SqlClient } from "@effect/sql"
import { Cause, Effect, Layer } from "effect"
import accountLinks from "./migrations/0001_account_links.js"
import submissionClaims from "./migrations/0002_submission_claims.js"
import tokenFingerprints from "./migrations/0003_token_fingerprints.js"
import sealingKeys from "./migrations/0004_sealing_keys.js"
import claimExpiry from "./migrations/0005_claim_expiry.js"
import claimsByTeam from "./migrations/0006_claims_by_team.js"
import pendingChanges from "./migrations/0007_pending_changes.js"
import subscriptions from "./migrations/0008_subscriptions.js"
import leases from "./migrations/0009_leases.js"
import channelPolicies from "./migrations/0010_channel_policies.js"
import auditRecords from "./migrations/0011_audit_records.js"
import stars from "./migrations/0012_stars.js"
import installations from "./migrations/0013_installations.js"
import pendingChangeQuestions from "./migrations/0014_pending_change_questions.js"
import policiesByChannel from "./migrations/0015_policies_by_channel.js"
import { describeCause, StorageError } from "./StorageError.js"

const migrationsTable = "effect_sql_migrations"

/** An arbitrary constant naming this bot's migration lock among the database's advisory locks. */
const migrationsLockKey = "7301946215"

/** Every migration, in order. Keys are `NNNN_name`; never rename or edit one that has shipped. */
export const MIGRATIONS = {
  "0001_account_links": accountLinks,
  "0002_submission_claims": submissionClaims,
  "0003_token_fingerprints": tokenFingerprints,
  "0004_sealing_keys": sealingKeys,
  "0005_claim_expiry": claimExpiry,
  "0006_claims_by_team": claimsByTeam,
  "0007_pending_changes": pendingChanges,
  "0008_subscriptions": subscriptions,
  "0009_leases": leases,
  "0010_channel_policies": channelPolicies,
  "0011_audit_records": auditRecords,
  "0012_stars": stars,
  "0013_installations": installations,
  "0014_pending_change_questions": pendingChangeQuestions,

  "0015_policies_by_channel": policiesByChannel
}
const migrations = Migrator.fromRecord(MIGRATIONS)

/** The dialect-neutral runner: it needs only SqlClient (SqliteMigrator would shell out to sqlite3). */
const migrator = Migrator.make({})

/**
 * The Migrator creates its bookkeeping table with a check-then-create that races when two replicas
 * start together on one PostgreSQL (one of them fails on "already exists"). Creating it first under a
 * transaction-scoped advisory lock removes that race; the Migrator's own table lock then serialises
 * the migrations themselves, and the replica that waited finds nothing left to do.
 */
const ensureMigrationsTable = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () =>
      sql.withTransaction(
        Effect.zipRight(
          sql`SELECT pg_advisory_xact_lock(${sql.literal(migrationsLockKey)})`,
          sql`CREATE TABLE IF NOT EXISTS ${sql(migrationsTable)} (
            migration_id integer primary key,
            created_at timestamp with time zone not null default now(),
            name text not null
          )`
        )
      ),
    orElse: () => Effect.void
  })
})

/** Brings the schema up to date; safe to run on every start and from several processes at once. */
export const runMigrations: Effect.Effect<
  ReadonlyArray<readonly [number, string]>,
  StorageError,
  SqlClient.SqlClient
> = ensureMigrationsTable.pipe(
  Effect.zipRight(migrator({ loader: migrations, table: migrationsTable })),
  // A failing migration is reported by the Migrator as a defect; both kinds become one readable error.
  Effect.catchAllCause((cause) =>
    Cause.isInterruptedOnly(cause)
      ? Effect.failCause(cause as Cause.Cause<never>)
      : Effect.fail(
          new StorageError({
            reason: "migrate",
            detail: `Could not update the database schema: ${describeCause(Cause.squash(cause))}`
          })
        )
  ),
  Effect.withSpan("Storage.runMigrations")
)

/** Runs the migrations when the layer is built. */
export const MigrationsLive: Layer.Layer<never, StorageError, SqlClient.SqlClient> = Layer.effectDiscard(runMigrations)
