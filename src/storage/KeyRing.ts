import { createHash } from "node:crypto"
import { Effect, Option, Redacted } from "effect"
import { StorageSettings } from "./StorageSettings.js"
import { dataFolderOf } from "./DatabaseLocation.js"
import { loadOrGenerateKeyFile } from "./GeneratedKeyFile.js"
import { StorageError } from "./StorageError.js"

/** One AES-256 key and its public id, stored next to every token it sealed. */
export interface EncryptionKey {
  readonly id: string
  readonly secret: Redacted.Redacted<Buffer>
}

/** The key that seals (the first one configured) and every key that may open. */
export interface KeyRing {
  readonly current: EncryptionKey
  readonly byId: ReadonlyMap<string, EncryptionKey>
}

/** A one-way fingerprint: names the key in rows and logs without revealing it. */
export const keyIdOf = (secret: Buffer): string => createHash("sha256").update(secret).digest("hex").slice(0, 8)

const keyError = (detail: string) => new StorageError({ reason: "key", detail })

/** Decodes one base64 key; the message says which entry is wrong, never what it holds. */
export const decodeKey = (text: string, where: string): Effect.Effect<EncryptionKey, StorageError> => {
  const trimmed = text.trim()
  const secret = Buffer.from(trimmed, "base64")
  return /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) && secret.length === 32
    ? Effect.succeed({ id: keyIdOf(secret), secret: Redacted.make(secret) })
    : Effect.fail(keyError(`${where} must be 32 random bytes in base64 (e.g. from \`openssl rand -base64 32\`)`))
}

/** Builds a ring from keys in priority order: the first seals, all of them open. */
export const keyRingOf = (keys: ReadonlyArray<EncryptionKey>): Effect.Effect<KeyRing, StorageError> =>
  keys.length === 0
    ? Effect.fail(keyError("no token encryption key was given"))
    : Effect.succeed({ current: keys[0]!, byId: new Map([...keys].reverse().map((key) => [key.id, key])) })

/** Parses `TOKEN_ENCRYPTION_KEY`: one key, or several comma-separated while rotating. */
export const keyRingFromSetting = (value: Redacted.Redacted<string>): Effect.Effect<KeyRing, StorageError> => {
  const entries = Redacted.value(value).split(",")
  return Effect.forEach(entries, (entry, index) =>
    decodeKey(
      entry,
      entries.length === 1 ? "TOKEN_ENCRYPTION_KEY" : `TOKEN_ENCRYPTION_KEY entry ${index + 1} of ${entries.length}`
    )
  ).pipe(Effect.flatMap(keyRingOf))
}

/**
 * The ring the settings describe. Without `TOKEN_ENCRYPTION_KEY`, development falls back to a key
 * generated once into the data folder; production refuses to start.
 */
export const loadKeyRing: Effect.Effect<KeyRing, StorageError, StorageSettings> = Effect.gen(function* () {
  const settings = yield* StorageSettings
  if (Option.isSome(settings.tokenEncryptionKey)) return yield* keyRingFromSetting(settings.tokenEncryptionKey.value)
  if (settings.production) {
    return yield* keyError("TOKEN_ENCRYPTION_KEY is required when NODE_ENV=production (32 random bytes in base64)")
  }
  const file = yield* loadOrGenerateKeyFile(dataFolderOf(settings.databaseUrl))
  yield* Effect.logWarning(
    file.generated
      ? `TOKEN_ENCRYPTION_KEY is not set: generated a token encryption key into ${file.path} (mode 0600). ` +
          "Keep that file - stored Scalingo tokens cannot be opened without it. " +
          "Production requires TOKEN_ENCRYPTION_KEY."
      : `TOKEN_ENCRYPTION_KEY is not set: using the generated key in ${file.path}. ` +
          "Production requires TOKEN_ENCRYPTION_KEY."
  )
  const key = yield* decodeKey(file.content, `the key file ${file.path}`)
  return yield* keyRingOf([key])
})
