import { LogLevel as BoltLogLevel, type Logger } from "@slack/bolt"
import { Effect, LogLevel as EffectLogLevel, Runtime } from "effect"

/** Bolt's own messages go through the bot's logger, so every line has the same format and level. */
export const boltLogger = (runtime: Runtime.Runtime<never>, minimum: EffectLogLevel.LogLevel): Logger => {
  let level = BoltLogLevel.INFO
  // Filtered here: Bolt logs at debug twice per request, and each line would otherwise start a fiber.
  const emit =
    (log: (message: string) => Effect.Effect<void>, at: EffectLogLevel.LogLevel) =>
    (...parts: Array<unknown>) =>
      EffectLogLevel.lessThan(at, minimum)
        ? undefined
        : Runtime.runFork(runtime)(
            log(
              parts
                .map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p)))
                .join(" ")
            ).pipe(Effect.annotateLogs("source", "bolt"))
          )
  return {
    debug: emit(Effect.logDebug, EffectLogLevel.Debug),
    info: emit(Effect.logInfo, EffectLogLevel.Info),
    warn: emit(Effect.logWarning, EffectLogLevel.Warning),
    error: emit(Effect.logError, EffectLogLevel.Error),
    setLevel: (l) => {
      level = l
    },
    getLevel: () => level,
    setName: () => {}
  }
}
