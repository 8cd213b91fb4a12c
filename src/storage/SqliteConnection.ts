import * as Reactivity from "@effect/experimental/Reactivity"
import { SqlClient, type SqlConnection, SqlError, Statement } from "@effect/sql"
import Sqlite from "better-sqlite3"
import { Duration, Effect, Layer, Schedule, Scope, Stream } from "effect"

/**
 * SQLite for the bot, on better-sqlite3, which runs every statement on the event loop. SQLite's own
 * busy timeout would sleep right there while another process (a second bot during a restart, a backup,
 * an operator's shell) holds the write lock, and every Slack acknowledgement would wait with it. So
 * SQLite is told not to wait at all (busy timeout 0) and a statement that finds the database locked is
 * tried again after an asynchronous pause, on a bounded Schedule, while the event loop serves others.
 *
 * Transactions begin IMMEDIATE, taking the write lock before doing anything, so waiting for it is
 * always safe to repeat and no statement inside a transaction can meet another writer's lock.
 * WAL as before: a killed process loses nothing it committed, and readers never wait for writers.
 */

export interface SqliteOptions {
  readonly filename: string
  /** How long one statement keeps trying while the database stays locked; then it fails. */
  readonly lockWait?: Duration.DurationInput
}

export const DEFAULT_LOCK_WAIT = Duration.seconds(5)

const isBusy = (error: SqlError.SqlError): boolean => {
  const code = (error.cause as { readonly code?: unknown } | undefined)?.code
  return typeof code === "string" && code.startsWith("SQLITE_BUSY")
}

/** 5, 10, 20, 40, 80 ms, then every 100 ms (jittered) until `bound` has passed, for SQLITE_BUSY only. */
const whileLocked = (bound: Duration.DurationInput) =>
  Schedule.exponential("5 millis").pipe(
    Schedule.union(Schedule.spaced("100 millis")),
    Schedule.jittered,
    Schedule.upTo(bound),
    Schedule.whileInput(isBusy)
  )

const attempt = <A>(run: () => A, message = "Failed to execute statement") =>
  Effect.try({ try: run, catch: (cause) => new SqlError.SqlError({ cause, message }) })

type Mode = "rows" | "raw" | "values"

/** One synchronous try of a statement; never waits for a lock. */
const runOnce = (statement: Sqlite.Statement, params: ReadonlyArray<unknown>, mode: Mode, safeIntegers: boolean) => {
  statement.safeIntegers(safeIntegers)
  if (!statement.reader) {
    const result = statement.run(...params)
    return mode === "raw" ? result : []
  }
  if (mode !== "values") return statement.all(...params)
  statement.raw(true)
  try {
    return statement.all(...params)
  } finally {
    statement.raw(false)
  }
}

const PREPARED_STATEMENTS = 200

export const makeSqliteClient = (
  options: SqliteOptions
): Effect.Effect<SqlClient.SqlClient, SqlError.SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const retry = whileLocked(options.lockWait ?? DEFAULT_LOCK_WAIT)
    const db = yield* Effect.acquireRelease(
      attempt(() => new Sqlite(options.filename, { timeout: 0 }), "Failed to open the database"),
      (opened) => Effect.sync(() => opened.close())
    )
    yield* attempt(() => db.pragma("journal_mode = WAL")).pipe(Effect.retry(retry))
    // Safe with WAL against a killed process (only a power loss can undo the last commits), and spares the
    // fsync per commit that would otherwise also run on the event loop.
    yield* attempt(() => db.pragma("synchronous = NORMAL"))

    const prepared = new Map<string, Sqlite.Statement>()
    const prepare = (sql: string): Sqlite.Statement => {
      const cached = prepared.get(sql)
      if (cached !== undefined) return cached
      const statement = db.prepare(sql) // only successes are kept: a locked schema read is simply tried again
      if (prepared.size >= PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!)
      prepared.set(sql, statement)
      return statement
    }

    /** A connection whose every try runs under `guard`; a locked try is repeated after a pause outside it. */
    const connection = (
      guard: <A>(effect: Effect.Effect<A, SqlError.SqlError>) => Effect.Effect<A, SqlError.SqlError>
    ): SqlConnection.Connection => {
      const execute = <A = SqlConnection.Row>(sql: string, params: ReadonlyArray<unknown>, mode: Mode, cached = true) =>
        Effect.flatMap(SqlClient.SafeIntegers, (safeIntegers) =>
          guard(attempt(() => runOnce(cached ? prepare(sql) : db.prepare(sql), params, mode, safeIntegers)))
        ).pipe(Effect.retry(retry)) as Effect.Effect<ReadonlyArray<A>, SqlError.SqlError>
      return {
        execute: (sql, params, transformRows) =>
          transformRows ? Effect.map(execute(sql, params, "rows"), transformRows) : execute(sql, params, "rows"),
        executeRaw: (sql, params) => execute(sql, params, "raw"),
        executeValues: (sql, params) => execute<ReadonlyArray<unknown>>(sql, params, "values"),
        executeUnprepared: (sql, params, transformRows) =>
          transformRows
            ? Effect.map(execute(sql, params ?? [], "rows", false), transformRows)
            : execute(sql, params ?? [], "rows", false),
        executeStream: () => Stream.dieMessage("streaming queries are not supported on SQLite")
      }
    }

    // One connection: a statement outside a transaction must not run while another fiber's transaction is
    // open on it, so each of its tries takes the permit a transaction holds from BEGIN to COMMIT.
    const permit = yield* Effect.makeSemaphore(1)
    const outsideTransactions = connection(permit.withPermits(1))
    const inTransaction = connection((effect) => effect)
    const transactionAcquirer = Effect.uninterruptibleMask((restore) =>
      restore(permit.take(1)).pipe(
        Effect.zipRight(Effect.flatMap(Effect.scope, (scope) => Scope.addFinalizer(scope, permit.release(1)))),
        Effect.as(inTransaction)
      )
    )

    return yield* SqlClient.make({
      acquirer: Effect.succeed(outsideTransactions),
      transactionAcquirer,
      compiler: Statement.makeCompilerSqlite(),
      beginTransaction: "BEGIN IMMEDIATE",
      spanAttributes: [["db.system.name", "sqlite"]]
    })
  })

export const sqliteLayer = (options: SqliteOptions): Layer.Layer<SqlClient.SqlClient, SqlError.SqlError> =>
  Layer.scoped(SqlClient.SqlClient, makeSqliteClient(options)).pipe(Layer.provide(Reactivity.layer))
