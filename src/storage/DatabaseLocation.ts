import * as path from "node:path"

/** `DATABASE_URL` names PostgreSQL when it is a postgres URL; anything else is a SQLite file path. */
export const isPostgresUrl = (databaseUrl: string): boolean => /^postgres(ql)?:\/\//i.test(databaseUrl.trim())

/**
 * Where the bot keeps its own files (the SQLite database, a generated encryption key): the folder of
 * the SQLite file, or `./data` when the database is PostgreSQL.
 */
export const dataFolderOf = (databaseUrl: string): string =>
  isPostgresUrl(databaseUrl) ? path.resolve("data") : path.dirname(path.resolve(databaseUrl.trim()))

/** Names a PostgreSQL server for messages: host, port and database, never the user or password. */
export const describePostgresUrl = (databaseUrl: string): string => {
  try {
    const url = new URL(databaseUrl.trim())
    return `PostgreSQL at ${url.host || "localhost"}${url.pathname || ""}`
  } catch {
    return "PostgreSQL (the DATABASE_URL is not a valid URL)"
  }
}
