import { Config, ConfigError, Context, Either, Layer, Option, Redacted } from "effect"
import { optionalSecret, production } from "../config/configs.js"
import { readSettings, setting } from "../config/readSettings.js"

/** Where the bot keeps its data and how tokens are sealed there. */
export interface StorageSettingsValues {
  /** A SQLite file path or a postgres:// URL. */
  readonly databaseUrl: string
  /** One key, or several comma-separated while rotating; unset falls back to a generated key file. */
  readonly tokenEncryptionKey: Option.Option<Redacted.Redacted<string>>
  /** Production refuses the generated key file. */
  readonly production: boolean
}

const databaseUrl = Config.string("DATABASE_URL").pipe(
  Config.orElse(() => Config.string("SCALINGO_POSTGRESQL_URL")),
  Config.withDefault("./data/scalingo-bot.sqlite"),
  Config.validate({ message: "must not be empty", validation: (s) => s.trim().length > 0 })
)

const tokenEncryptionKey = Config.all([production, optionalSecret("TOKEN_ENCRYPTION_KEY")]).pipe(
  Config.mapOrFail(
    ([isProduction, key]): Either.Either<Option.Option<Redacted.Redacted<string>>, ConfigError.ConfigError> => {
      if (Option.isNone(key)) {
        return isProduction
          ? Either.left(ConfigError.InvalidData([], "is required when NODE_ENV=production"))
          : Either.right(key)
      }
      const keys = Redacted.value(key.value).split(",")
      return keys.every((k) => Buffer.from(k.trim(), "base64").length === 32)
        ? Either.right(key)
        : Either.left(ConfigError.InvalidData([], "must be 32 bytes in base64"))
    }
  )
)

export const readStorageSettings = readSettings({
  databaseUrl: setting("DATABASE_URL", "a SQLite file path or a postgres:// URL", databaseUrl),
  tokenEncryptionKey: setting(
    "TOKEN_ENCRYPTION_KEY",
    "32 random bytes in base64, e.g. from `openssl rand -base64 32`; several comma-separated keys while rotating",
    tokenEncryptionKey
  ),
  production: setting("NODE_ENV", "production or anything else", production)
})

export class StorageSettings extends Context.Tag("bot/storage/StorageSettings")<
  StorageSettings,
  StorageSettingsValues
>() {
  static readonly layer = Layer.effect(StorageSettings, readStorageSettings)
  static readonly make = (values: StorageSettingsValues) => Layer.succeed(StorageSettings, values)
}
