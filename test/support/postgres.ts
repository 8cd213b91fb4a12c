import { randomBytes } from "node:crypto"
import { PgClient } from "@effect/sql-pg"
import { Effect, Redacted } from "effect"

/** The CI PostgreSQL (postgres://postgres@127.0.0.1:5432/test); tests needing it skip, saying why, when unset. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL
export const testRedisUrl = process.env.TEST_REDIS_URL

/** Runs one piece of SQL work on its own short-lived connection. */
export const withPostgres = <A>(url: string, f: (sql: PgClient.PgClient) => Effect.Effect<A, unknown>) =>
  Effect.runPromise(
    Effect.flatMap(PgClient.PgClient, f).pipe(
      Effect.provide(PgClient.layer({ url: Redacted.make(url), maxConnections: 1 }))
    )
  )
const admin = withPostgres

/** A schema of its own inside the test database, selected through search_path; dropped by the returned function. */
export const freshSchema = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  const schema = `bot_e2e_${randomBytes(6).toString("hex")}`
  await admin(testDatabaseUrl!, (sql) => sql`CREATE SCHEMA ${sql(schema)}`)
  const url = new URL(testDatabaseUrl!)
  url.searchParams.set("options", `-c search_path=${schema}`)
  return {
    url: url.toString(),
    drop: () =>
      admin(testDatabaseUrl!, (sql) => sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`).then(() => undefined)
  }
}

/** A whole database of its own, for tests that take the database away from a running bot. */
export const freshDatabase = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `bot_e2e_${randomBytes(6).toString("hex")}`
  await admin(testDatabaseUrl!, (sql) => sql.unsafe(`CREATE DATABASE ${name}`))
  const url = new URL(testDatabaseUrl!)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      admin(testDatabaseUrl!, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined)
  }
}
