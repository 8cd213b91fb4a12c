// The few parts of better-sqlite3 (12.x) that SqliteConnection uses; the package ships no types of its own.
declare module "better-sqlite3" {
  namespace Database {
    interface RunResult {
      readonly changes: number
      readonly lastInsertRowid: number | bigint
    }
    interface Statement {
      /** True when the statement returns rows (a SELECT, or a write with RETURNING). */
      readonly reader: boolean
      all(...params: ReadonlyArray<unknown>): Array<unknown>
      run(...params: ReadonlyArray<unknown>): RunResult
      raw(toggle?: boolean): this
      safeIntegers(toggle?: boolean): this
    }
    interface Options {
      readonly readonly?: boolean
      /** Milliseconds SQLite itself sleeps (on the calling thread) for a lock; better-sqlite3 defaults to 5000. */
      readonly timeout?: number
    }
  }
  class Database {
    constructor(filename: string, options?: Database.Options)
    prepare(source: string): Database.Statement
    pragma(source: string, options?: { readonly simple?: boolean }): unknown
    close(): this
  }
  export = Database
}
