import { Config, Context, Layer, Logger, LogLevel } from "effect"
import { production } from "./settings/configs.js"
import { readSettings, setting } from "./settings/readSettings.js"

const levels: Record<string, LogLevel.LogLevel> = {
  debug: LogLevel.Debug,
  info: LogLevel.Info,
  warn: LogLevel.Warning,
  error: LogLevel.Error
}

export interface LoggingSettingsValues {
  readonly level: LogLevel.LogLevel
  /** JSON lines for log drains instead of readable lines. */
  readonly production: boolean
}

export const readLoggingSettings = readSettings({
  level: setting(
    "LOG_LEVEL",
    "one of debug, info, warn, error",
    Config.string("LOG_LEVEL").pipe(
      Config.withDefault("info"),
      Config.validate({ message: "is not a known level", validation: (s) => s.toLowerCase() in levels }),
      Config.map((s) => levels[s.toLowerCase()]!)
    )
  ),
  production: setting("NODE_ENV", "production or anything else", production)
})

export class LoggingSettings extends Context.Tag("bot/LoggingSettings")<LoggingSettings, LoggingSettingsValues>() {
  static readonly make = (values: LoggingSettingsValues) => Layer.succeed(LoggingSettings, values)
}

/**
 * One JSON object per line in production (for log drains), readable lines in development.
 * Secrets are Redacted values, which every logger prints as `<redacted>`.
 */
export const LoggingLive = (options: LoggingSettingsValues) =>
  Layer.mergeAll(
    Logger.replace(
      Logger.defaultLogger,
      options.production
        ? Logger.withConsoleLog(Logger.jsonLogger)
        : Logger.prettyLogger({ colors: "auto", mode: "tty" })
    ),
    Logger.minimumLogLevel(options.level),
    LoggingSettings.make(options)
  )
