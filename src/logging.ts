import { Layer, Logger, type LogLevel } from "effect"

/**
 * One JSON object per line in production (for log drains), readable lines in development.
 * Secrets are Redacted values, which every logger prints as `<redacted>`.
 */
export const LoggingLive = (options: { readonly production: boolean; readonly level: LogLevel.LogLevel }) =>
  Layer.mergeAll(
    Logger.replace(
      Logger.defaultLogger,
      options.production
        ? Logger.withConsoleLog(Logger.jsonLogger)
        : Logger.prettyLogger({ colors: "auto", mode: "tty" })
    ),
    Logger.minimumLogLevel(options.level)
  )
