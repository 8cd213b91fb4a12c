import { Config, ConfigError, Context, Data, Effect, Either, Layer, LogLevel, Option, Redacted } from "effect"

/** The contract's settings, validated once at start. Secrets stay Redacted. */
export interface Settings {
  readonly slackBotToken: Redacted.Redacted<string>
  readonly slackSigningSecret: Option.Option<Redacted.Redacted<string>>
  readonly slackAppToken: Option.Option<Redacted.Redacted<string>>
  readonly port: number
  readonly slackApiUrl: string
  readonly slackCommand: string
  readonly scalingoAuthUrl: string
  readonly databaseUrl: string
  readonly redisUrl: Option.Option<Redacted.Redacted<string>>
  readonly tokenEncryptionKey: Option.Option<Redacted.Redacted<string>>
  readonly scalingoRequestsPerMinute: number
  readonly logLevel: LogLevel.LogLevel
  readonly production: boolean
}

export class AppSettings extends Context.Tag("bot/AppSettings")<AppSettings, Settings>() {
  static readonly layer = Layer.effect(
    AppSettings,
    Effect.suspend(() => loadSettings)
  )
  static readonly make = (settings: Settings) => Layer.succeed(AppSettings, settings)
}

export interface SettingProblem {
  readonly variable: string
  readonly problem: string
}

/** Every missing or invalid variable at once, each with what a valid value looks like. */
export class InvalidSettings extends Data.TaggedError("InvalidSettings")<{
  readonly problems: ReadonlyArray<SettingProblem>
}> {
  override get message() {
    return [
      "The bot cannot start: some settings are missing or invalid.",
      ...this.problems.map((p) => `  - ${p.variable}: ${p.problem}`),
      "Set them in the environment or in a .env file in the working directory (see README, Settings)."
    ].join("\n")
  }
}

const nonEmpty = (name: string) =>
  Config.string(name).pipe(Config.validate({ message: "must not be empty", validation: (s) => s.trim().length > 0 }))
/** A secret that must be set; the value is wrapped as Redacted only after validation so messages never hold it. */
const requiredSecret = (
  name: string,
  check: { message: string; validation: (s: string) => boolean } = {
    message: "must not be empty",
    validation: () => true
  }
) =>
  nonEmpty(name).pipe(
    Config.validate(check),
    Config.map((s) => Redacted.make(s.trim()))
  )
/** An optional secret; an empty value counts as unset. */
const optionalRedacted = (name: string) =>
  Config.option(Config.string(name)).pipe(
    Config.map((value) =>
      Option.map(
        Option.filter(value, (s) => s.trim().length > 0),
        (s) => Redacted.make(s.trim())
      )
    )
  )
const httpUrl = (name: string, fallback: string) =>
  Config.string(name).pipe(
    Config.withDefault(fallback),
    Config.validate({ message: "must be an http(s) URL", validation: (s) => /^https?:\/\/[^\s]+$/.test(s) })
  )

const logLevels: Record<string, LogLevel.LogLevel> = {
  debug: LogLevel.Debug,
  info: LogLevel.Info,
  warn: LogLevel.Warning,
  error: LogLevel.Error
}

const describe = (error: ConfigError.ConfigError): string =>
  ConfigError.isMissingData(error) ? "is required" : ConfigError.isInvalidData(error) ? error.message : String(error)

export const loadSettings: Effect.Effect<Settings, InvalidSettings> = Effect.gen(function* () {
  const problems: Array<SettingProblem> = []
  const read = <A>(variable: string, hint: string, config: Config.Config<A>) =>
    Effect.map(Effect.either(config), (result): A | undefined => {
      if (Either.isRight(result)) return result.right
      problems.push({ variable, problem: `${describe(result.left)} (${hint})` })
      return undefined
    })

  const production =
    (yield* Config.string("NODE_ENV").pipe(
      Config.withDefault(""),
      Effect.orElseSucceed(() => "")
    )) === "production"
  const slackAppToken = yield* read(
    "SLACK_APP_TOKEN",
    "an app-level token starting with xapp-",
    optionalRedacted("SLACK_APP_TOKEN").pipe(
      Config.validate({
        message: "must start with xapp-",
        validation: (t) => Option.isNone(t) || Redacted.value(t.value).startsWith("xapp-")
      })
    )
  )
  const slackBotToken = yield* read(
    "SLACK_BOT_TOKEN",
    "the bot token, starting with xoxb-",
    requiredSecret("SLACK_BOT_TOKEN", {
      message: "must start with xoxb-",
      validation: (t) => t.trim().startsWith("xoxb-")
    })
  )
  const socketMode = slackAppToken !== undefined && Option.isSome(slackAppToken)
  const slackSigningSecret = yield* read(
    "SLACK_SIGNING_SECRET",
    "the app's signing secret from Basic Information",
    socketMode
      ? optionalRedacted("SLACK_SIGNING_SECRET")
      : requiredSecret("SLACK_SIGNING_SECRET").pipe(Config.map(Option.some))
  )
  const port = yield* read(
    "PORT",
    "a TCP port number such as 3000",
    Config.integer("PORT").pipe(
      Config.withDefault(3000),
      Config.validate({ message: "must be between 0 and 65535", validation: (n) => n >= 0 && n <= 65535 })
    )
  )
  const slackApiUrl = yield* read(
    "SLACK_API_URL",
    "e.g. https://slack.com/api/",
    httpUrl("SLACK_API_URL", "https://slack.com/api/")
  )
  const slackCommand = yield* read(
    "SLACK_COMMAND",
    "a slash command such as /scalingo",
    Config.string("SLACK_COMMAND").pipe(
      Config.withDefault("/scalingo"),
      Config.validate({
        message: "must start with / and contain no spaces",
        validation: (s) => /^\/[^\s/]{1,31}$/.test(s)
      })
    )
  )
  const scalingoAuthUrl = yield* read(
    "SCALINGO_AUTH_URL",
    "e.g. https://auth.scalingo.com",
    httpUrl("SCALINGO_AUTH_URL", "https://auth.scalingo.com")
  )
  const databaseUrl = yield* read(
    "DATABASE_URL",
    "a SQLite file path or a postgres:// URL",
    Config.string("DATABASE_URL").pipe(
      Config.orElse(() => Config.string("SCALINGO_POSTGRESQL_URL")),
      Config.withDefault("./data/scalingo-bot.sqlite"),
      Config.validate({ message: "must not be empty", validation: (s) => s.trim().length > 0 })
    )
  )
  const redisUrl = yield* read(
    "REDIS_URL",
    "e.g. redis://127.0.0.1:6379",
    optionalRedacted("REDIS_URL").pipe(
      Config.validate({
        message: "must be a redis:// or rediss:// URL",
        validation: (u) => Option.isNone(u) || /^rediss?:\/\//.test(Redacted.value(u.value))
      })
    )
  )
  const tokenEncryptionKey = yield* read(
    "TOKEN_ENCRYPTION_KEY",
    "32 random bytes in base64, e.g. from `openssl rand -base64 32`; several comma-separated keys while rotating",
    optionalRedacted("TOKEN_ENCRYPTION_KEY").pipe(
      Config.validate({
        message: production ? "is required when NODE_ENV=production" : "must be 32 bytes in base64",
        validation: (key) =>
          Option.isNone(key)
            ? !production
            : Redacted.value(key.value)
                .split(",")
                .every((k) => Buffer.from(k.trim(), "base64").length === 32)
      })
    )
  )
  const scalingoRequestsPerMinute = yield* read(
    "SCALINGO_REQUESTS_PER_MINUTE",
    "a whole number from 1 to 60",
    Config.integer("SCALINGO_REQUESTS_PER_MINUTE").pipe(
      Config.withDefault(60),
      Config.validate({ message: "must be between 1 and 60", validation: (n) => n >= 1 && n <= 60 })
    )
  )
  const logLevel = yield* read(
    "LOG_LEVEL",
    "one of debug, info, warn, error",
    Config.string("LOG_LEVEL").pipe(
      Config.withDefault("info"),
      Config.validate({ message: "is not a known level", validation: (s) => s.toLowerCase() in logLevels }),
      Config.map((s) => logLevels[s.toLowerCase()]!)
    )
  )

  if (problems.length > 0) return yield* new InvalidSettings({ problems })
  return {
    slackBotToken: slackBotToken!,
    slackSigningSecret: slackSigningSecret!,
    slackAppToken: slackAppToken!,
    port: port!,
    slackApiUrl: slackApiUrl!,
    slackCommand: slackCommand!,
    scalingoAuthUrl: scalingoAuthUrl!.replace(/\/+$/, ""),
    databaseUrl: databaseUrl!,
    redisUrl: redisUrl!,
    tokenEncryptionKey: tokenEncryptionKey!,
    scalingoRequestsPerMinute: scalingoRequestsPerMinute!,
    logLevel: logLevel!,
    production
  }
})
