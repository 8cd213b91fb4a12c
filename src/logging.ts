import {
  Cause,
  Config,
  Context,
  HashMap,
  Inspectable,
  Layer,
  List,
  Logger,
  LogLevel,
  Predicate,
  Redacted
} from "effect"
import { production } from "./config/configs.js"
import { readSettings, setting } from "./config/readSettings.js"

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

// Log drains and people read a line, not a dump: long values are cut, deep ones summarised.
const MAX_TEXT = 500
const MAX_DEPTH = 4
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text)

/** An error as one short phrase: its tag (or name) and message, never its stack or its fields. */
const describeError = (error: unknown): string => {
  if (!Predicate.isObject(error)) return clip(String(error))
  const tag = Predicate.hasProperty(error, "_tag") && Predicate.isString(error._tag) ? error._tag : undefined
  const name = error instanceof Error && error.name !== "Error" ? error.name : undefined
  const label = tag ?? name
  const text = Predicate.hasProperty(error, "message") && Predicate.isString(error.message) ? error.message : ""
  if (label === undefined) return clip(text.length > 0 ? text : "error")
  return clip(text.length > 0 && text !== label ? `${label}: ${text}` : label)
}

/** A cause as one short phrase: each failure and defect, or that the work was interrupted. */
export const describeCause = (cause: Cause.Cause<unknown>): string => {
  const parts = [...Cause.failures(cause), ...Cause.defects(cause)].map(describeError)
  if (parts.length === 0) return Cause.isInterrupted(cause) ? "interrupted" : ""
  return parts.join("; ")
}

/** A value as a JSON field: secrets as `<redacted>`, errors and causes as short phrases. */
const plain = (value: unknown, depth = 0): unknown => {
  if (Redacted.isRedacted(value)) return "<redacted>"
  if (Cause.isCause(value)) return describeCause(value)
  if (value instanceof Error) return describeError(value)
  switch (typeof value) {
    case "string":
      return clip(value)
    case "bigint":
    case "symbol":
    case "function":
      return String(value)
    case "object": {
      if (value === null) return null
      if (depth >= MAX_DEPTH) return "…"
      if (Array.isArray(value)) return value.slice(0, 50).map((v) => plain(v, depth + 1))
      const json = Inspectable.toJSON(value)
      if (json !== value) return plain(json, depth + 1)
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) out[k] = plain(v, depth + 1)
      return out
    }
    default:
      return value
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  Predicate.isObject(value) &&
  !Array.isArray(value) &&
  !(value instanceof Error) &&
  !Redacted.isRedacted(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)

// These are the line's own; an annotation or message field of the same name must not replace them.
const reserved = new Set(["timestamp", "level", "message", "cause"])
const put = (line: Record<string, unknown>, key: string, value: unknown) => {
  line[reserved.has(key) ? `field_${key}` : key] = plain(value)
}

/**
 * One flat JSON object per line: `message` a string (the text parts of the log call), every
 * annotation and every plain-object message part as a top-level field, the cause as a short phrase.
 */
export const jsonLineLogger = Logger.make<unknown, string>(({ annotations, cause, date, logLevel, message, spans }) => {
  const texts: Array<string> = []
  const fields: Array<[string, unknown]> = []
  const causes: Array<string> = []
  for (const part of Array.isArray(message) ? message : [message]) {
    if (isRecord(part)) fields.push(...Object.entries(part))
    else if (Cause.isCause(part)) causes.push(describeCause(part))
    else if (part instanceof Error) causes.push(describeError(part))
    else texts.push(String(plain(part)))
  }
  if (!Cause.isEmpty(cause)) causes.push(describeCause(cause))
  const line: Record<string, unknown> = {
    timestamp: date.toISOString(),
    level: logLevel.label.toLowerCase(),
    message: texts.join(" ")
  }
  for (const [key, value] of HashMap.toEntries(annotations)) put(line, key, value)
  for (const [key, value] of fields) put(line, key, value)
  const described = causes.filter((c) => c.length > 0)
  if (described.length > 0) line.cause = described.join("; ")
  if (List.isCons(spans))
    line.spans = Object.fromEntries([...spans].map((s) => [s.label, date.getTime() - s.startTime]))
  return Inspectable.stringifyCircular(line)
})

/**
 * One JSON object per line in production (for log drains), readable lines in development.
 * Secrets are Redacted values, which every logger prints as `<redacted>`.
 */
export const LoggingLive = (options: LoggingSettingsValues) =>
  Layer.mergeAll(
    Logger.replace(
      Logger.defaultLogger,
      options.production ? Logger.withConsoleLog(jsonLineLogger) : Logger.prettyLogger({ colors: "auto", mode: "tty" })
    ),
    Logger.minimumLogLevel(options.level),
    LoggingSettings.make(options)
  )
