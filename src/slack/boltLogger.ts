import { LogLevel as BoltLogLevel, type Logger } from "@slack/bolt"
import { Effect, Runtime } from "effect"

/** Bolt's own messages go through the bot's logger, so every line has the same format and level. */
export const boltLogger = (runtime: Runtime.Runtime<never>): Logger => {
  let level = BoltLogLevel.INFO
  const emit = (log: (message: string) => Effect.Effect<void>) => (...parts: Array<unknown>) =>
    Runtime.runFork(runtime)(log(parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ")).pipe(Effect.annotateLogs("source", "bolt")))
  return {
    debug: emit(Effect.logDebug),
    info: emit(Effect.logInfo),
    warn: emit(Effect.logWarning),
    error: emit(Effect.logError),
    setLevel: (l) => { level = l },
    getLevel: () => level,
    setName: () => {}
  }
}
