import { LogLevel as BoltLogLevel, type Logger } from "@slack/bolt"
import { Effect, LogLevel as EffectLogLevel, Runtime } from "effect"

/**
 * Bolt's (and its SDK's) info and warn lines that describe routine operation, not problems: a GET to a
 * path nobody serves, internet noise the receiver already refused, Socket Mode's reconnect chatter.
 * They are logged at debug; everything else keeps Bolt's level.
 */
const ROUTINE = [
  /^Unhandled HTTP request \(/,
  /^An unhandled HTTP request \(.*\) made to .* was ignored/,
  /^Could not determine the type of an incoming event/,
  /^Failed to parse and verify the request data/,
  /^Request body exceeded the maximum allowed size/,
  /^A (ping|pong) wasn't received from the server/,
  /^Peer did not complete the close handshake/,
  /^API Call failed due to rate limiting/,
  // A team without an installation: authorizeTeam.ts says so itself, once per team.
  /^Authorization of incoming event did not succeed/
]

/** Debug lines that would print a whole payload (what a person typed, response URLs): cut after the prefix. */
const PAYLOAD_LINES = [
  /^(Received a message on the WebSocket: )/,
  /^(Sending a WebSocket message: )/,
  /^(Calling ack\(\) - type: [^,]*, envelope_id: [^,]*, data: )/,
  /^(Unable to parse an incoming WebSocket message \(will ignore\): )/,
  /^(http request (?:result|body|headers): )/
]

/** Anything token-shaped, should a line still carry one: Slack, Scalingo, bearers, Socket Mode tickets. */
const SECRETS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g, "$1-<redacted>"],
  [/\btk-[a-z]{2}-[A-Za-z0-9_-]+/g, "tk-<redacted>"],
  [/\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)*/g, "<redacted>"],
  [/\b(ticket|token)=[^&\s"']+/g, "$1=<redacted>"]
]

export const readableBoltLine = (parts: ReadonlyArray<unknown>): string => {
  let line = parts
    .map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p)))
    .join(" ")
  for (const prefix of PAYLOAD_LINES) line = line.replace(new RegExp(`${prefix.source}[\\s\\S]*$`), "$1(omitted)")
  for (const [pattern, replacement] of SECRETS) line = line.replace(pattern, replacement)
  return line
}

const LOGS = {
  [EffectLogLevel.Debug._tag]: Effect.logDebug,
  [EffectLogLevel.Info._tag]: Effect.logInfo,
  [EffectLogLevel.Warning._tag]: Effect.logWarning,
  [EffectLogLevel.Error._tag]: Effect.logError
} as Record<string, (message: string) => Effect.Effect<void>>

/** Bolt's own messages go through the bot's logger, so every line has the same format and level. */
export const boltLogger = (runtime: Runtime.Runtime<never>, minimum: EffectLogLevel.LogLevel): Logger => {
  let level = BoltLogLevel.INFO
  const emit =
    (given: EffectLogLevel.LogLevel) =>
    (...parts: Array<unknown>) => {
      // Filtered first: Bolt logs at debug twice per request, and each line would otherwise start a fiber.
      if (EffectLogLevel.lessThan(given, minimum)) return
      const line = readableBoltLine(parts)
      const routine = given !== EffectLogLevel.Error && ROUTINE.some((pattern) => pattern.test(line))
      const at = routine ? EffectLogLevel.Debug : given
      if (EffectLogLevel.lessThan(at, minimum)) return
      Runtime.runFork(runtime)(LOGS[at._tag]!(line).pipe(Effect.annotateLogs("source", "bolt")))
    }
  return {
    debug: emit(EffectLogLevel.Debug),
    info: emit(EffectLogLevel.Info),
    warn: emit(EffectLogLevel.Warning),
    error: emit(EffectLogLevel.Error),
    setLevel: (l) => {
      level = l
    },
    getLevel: () => level,
    setName: () => {}
  }
}
