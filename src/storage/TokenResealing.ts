import { type Duration, Effect, Layer, Schedule } from "effect"
import { AccountLinks, type ResealReport } from "./AccountLinks.js"
import { Installations } from "./Installations.js"
import { SealingKeys } from "./SealingKeys.js"

/** How often stored tokens are brought onto the sealing key after the pass at start. */
export const RESEAL_EVERY: Duration.DurationInput = "1 minute"

const list = (ids: Iterable<string>) => [...ids].join(", ")

/**
 * What an operator needs to hear about one pass, as [level, sentence] pairs. The pairs that describe a
 * lasting situation are logged when it changes, not every minute.
 */
const situationOf = (report: ResealReport) => {
  const lines: Array<["info" | "warn", string]> = []
  if (report.missing.length > 0) {
    lines.push([
      "warn",
      `Key(s) ${list(report.missing)} seal stored Scalingo tokens but are not in this replica's ` +
        "TOKEN_ENCRYPTION_KEY: tokens sealed with them cannot be opened here. Add the new key to every replica " +
        "before putting it first."
    ])
  }
  const unreadable = [...report.unreadable.values()].reduce((sum, n) => sum + n, 0)
  if (unreadable > 0) {
    lines.push([
      "warn",
      `${unreadable} stored Scalingo token(s) cannot be opened with this replica's TOKEN_ENCRYPTION_KEY ` +
        `(sealed with key(s) ${list(report.unreadable.keys())}); unless another replica holds those keys, ` +
        "their owners must run login again."
    ])
  }
  // Keys never announced are on their way in (rotation step 1), not out.
  if (report.remaining === 0 && report.retired.length > 0) {
    lines.push([
      "info",
      `Every stored Scalingo token is sealed with key ${report.keyId}: key(s) ${list(report.retired)} can now be ` +
        "removed from TOKEN_ENCRYPTION_KEY."
    ])
  }
  return lines
}

/** Bot tokens this replica cannot open: SLACK_BOT_TOKEN's workspace is sealed again at the next start. */
const botSituationOf = (report: ResealReport): Array<["info" | "warn", string]> => {
  const unreadable = [...report.unreadable.values()].reduce((sum, n) => sum + n, 0)
  return unreadable === 0
    ? []
    : [
        [
          "warn",
          `${unreadable} stored Slack bot token(s) cannot be opened with this replica's TOKEN_ENCRYPTION_KEY ` +
            `(sealed with key(s) ${list(report.unreadable.keys())}); those workspaces are refused until ` +
            "a replica holding the key re-seals them or the bot is installed there again."
        ]
      ]
}

/**
 * Announces this replica's first key (SealingKeys), then re-seals stored tokens onto the sealing key at
 * start and every `every`: rows a slower replica saved with an older key, or left by a rotation, move
 * on without anyone waiting for a restart. A failed pass is logged and tried again at the next one.
 */
export const tokenResealing = (every: Duration.DurationInput = RESEAL_EVERY) =>
  Layer.scopedDiscard(
    Effect.gen(function* () {
      const sealingKeys = yield* SealingKeys
      const links = yield* AccountLinks
      const installations = yield* Installations
      yield* sealingKeys.announce
      let lastSituation = ""

      const pass = Effect.gen(function* () {
        const report = yield* links.resealAll()
        const bots = yield* installations.resealAll()
        if (report.resealed > 0) {
          yield* Effect.logInfo(`Re-sealed ${report.resealed} stored Scalingo token(s) with key ${report.keyId}`)
        }
        if (bots.resealed > 0) {
          yield* Effect.logInfo(`Re-sealed ${bots.resealed} stored Slack bot token(s) with key ${bots.keyId}`)
        }
        // An old key may go only once neither kind of token is sealed with it.
        const situation = [
          ...situationOf({ ...report, remaining: report.remaining + bots.remaining }),
          ...botSituationOf(bots)
        ]
        const said = JSON.stringify(situation)
        if (said === lastSituation) return
        lastSituation = said
        for (const [level, line] of situation) {
          yield* level === "warn" ? Effect.logWarning(line) : Effect.logInfo(line)
        }
      }).pipe(
        Effect.catchAll((error) => Effect.logWarning(`Could not re-seal stored Scalingo tokens: ${error.message}`)),
        Effect.withSpan("TokenResealing.pass")
      )

      yield* pass
      yield* pass.pipe(Effect.schedule(Schedule.spaced(every)), Effect.forkScoped)
    })
  )
