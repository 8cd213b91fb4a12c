import { randomBytes } from "node:crypto"
import { SqlClient } from "@effect/sql"
import { Context, type Duration, Effect, Layer, Option, Redacted, type Scope } from "effect"
import { StorageSettings, type StorageSettingsValues } from "../../src/storage/StorageSettings.js"
import { AccountLinks, type NewAccountLink } from "../../src/storage/AccountLinks.js"
import { sqlClientFor } from "../../src/storage/SqlLive.js"
import { makeStorageLive } from "../../src/storage/StorageLive.js"
import { StorageHealth } from "../../src/storage/StorageHealth.js"
import type { StorageError } from "../../src/storage/StorageError.js"

/** A fresh AES-256 key, base64, as TOKEN_ENCRYPTION_KEY expects. */
export const newKey = (): string => randomBytes(32).toString("base64")

/** A realistic, unique Scalingo API token. */
export const newApiToken = (): string => `tk-us-${randomBytes(30).toString("base64url")}`

/** Unique Slack ids keep tests independent even on a shared database. */
export const newOwner = () => ({
  teamId: `T${randomBytes(5).toString("hex").toUpperCase()}`,
  userId: `U${randomBytes(5).toString("hex").toUpperCase()}`
})

export const newLink = (owner = newOwner(), apiToken = newApiToken()): NewAccountLink => ({
  ...owner,
  apiToken: Redacted.make(apiToken),
  scalingoUserId: `us-${randomBytes(8).toString("hex")}`,
  username: "ada",
  email: "ada@example.com"
})

export interface StorageOptions {
  /** TOKEN_ENCRYPTION_KEY; omitted means "not set". */
  readonly keys?: string
  readonly production?: boolean
  /** How often tokens are re-sealed after the pass at start; the bot's own minute by default. */
  readonly resealEvery?: Duration.DurationInput
}

export const settingsFor = (databaseUrl: string, options: StorageOptions = {}): StorageSettingsValues => ({
  databaseUrl,
  tokenEncryptionKey: options.keys === undefined ? Option.none() : Option.some(Redacted.make(options.keys)),
  production: options.production ?? false
})

export type Storage = Context.Context<AccountLinks | StorageHealth>

/** Starts the real storage layer on `databaseUrl`; it closes with the scope. */
export const openStorage = (
  databaseUrl: string,
  options: StorageOptions = {}
): Effect.Effect<Storage, StorageError, Scope.Scope> =>
  Layer.build(
    makeStorageLive(options.resealEvery === undefined ? {} : { resealEvery: options.resealEvery }).pipe(
      Layer.provide(StorageSettings.make(settingsFor(databaseUrl, options)))
    )
  )

export const linksOf = (storage: Storage) => Context.get(storage, AccountLinks)
export const healthOf = (storage: Storage) => Context.get(storage, StorageHealth)

/** A bare SqlClient on the same database, for looking at and damaging rows behind the repository's back. */
export const rawSqlFor = (databaseUrl: string): Effect.Effect<SqlClient.SqlClient, StorageError, Scope.Scope> =>
  Effect.map(Layer.build(sqlClientFor(databaseUrl)), Context.get(SqlClient.SqlClient))

/** A database the suite can use, however the dialect provides it. */
export interface StorageBackend {
  readonly name: string
  /** A DATABASE_URL naming an empty database, removed when the scope closes. */
  readonly freshDatabase: Effect.Effect<string, never, Scope.Scope>
  /** Everything the database holds at rest for `account_links`, as text to search for plaintext tokens. */
  readonly contentsAtRest: (databaseUrl: string) => Effect.Effect<string, unknown, Scope.Scope>
}
