import { Data, Effect, Schedule } from "effect"
import { Installations } from "../storage/Installations.js"
import { SlackSettings } from "./SlackSettings.js"
import { SlackWeb } from "./SlackWeb.js"

/** The bot token was refused by Slack: starting would only fail every request. */
export class SlackTokenRefused extends Data.TaggedError("SlackTokenRefused")<{ readonly code: string }> {
  override get message() {
    return (
      `Slack refused SLACK_BOT_TOKEN (${this.code}). Copy the Bot User OAuth Token (xoxb-…) ` +
      `from your Slack app's "OAuth & Permissions" page.`
    )
  }
}

const refusedCodes = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"])

/** Slack did not answer whom the token belongs to (down, slow, or an answer without a team). */
class NotIdentified extends Data.TaggedError("NotIdentified")<{ readonly code: string }> {}

/**
 * The one reader of SLACK_BOT_TOKEN: asks Slack (`auth.test`) whose token it is and stores it as that
 * team's installation, sealed. A refused token stops the start with a clear message. An unreachable
 * Slack only warns: the bot starts on the installation stored at an earlier start (if any) and keeps
 * asking in the background, so a brief Slack outage never blocks a deploy nor leaves the row unseeded.
 */
export const seedInstallation = Effect.gen(function* () {
  const settings = yield* SlackSettings
  const slack = yield* SlackWeb
  const installations = yield* Installations

  const identifyAndSave = slack.withToken(settings.botToken).authTest.pipe(
    Effect.timeout("5 seconds"),
    Effect.mapError((error) =>
      error._tag === "SlackApiError" && refusedCodes.has(error.code)
        ? new SlackTokenRefused({ code: error.code })
        : new NotIdentified({ code: error._tag === "SlackApiError" ? error.code : "timeout" })
    ),
    Effect.flatMap((identity) =>
      Effect.gen(function* () {
        if (identity.teamId === undefined || identity.botUserId === undefined) {
          return yield* new NotIdentified({ code: "no_team_in_answer" })
        }
        yield* installations.save({
          teamId: identity.teamId,
          enterpriseId: identity.enterpriseId ?? null,
          botToken: settings.botToken,
          botUserId: identity.botUserId,
          botId: identity.botId ?? ""
        })
        return identity
      })
    ),
    Effect.tap((identity) =>
      Effect.logInfo(`Connected to Slack as bot ${identity.botUserId ?? "?"} in ${identity.team ?? "?"}`)
    )
  )

  const first = yield* Effect.either(identifyAndSave)
  if (first._tag === "Right") return
  const failure = first.left
  if (failure._tag !== "NotIdentified") return yield* failure
  yield* Effect.logWarning(
    `Could not reach Slack to verify the bot token (${failure.code}); starting anyway on the stored installation, ` +
      "and asking again in the background."
  )
  yield* identifyAndSave.pipe(
    Effect.retry({
      while: (error) => error._tag === "NotIdentified",
      schedule: Schedule.exponential("2 seconds").pipe(Schedule.union(Schedule.spaced("1 minute")))
    }),
    Effect.catchAll((error) => Effect.logError(`Could not store the Slack installation: ${error.message}`)),
    Effect.forkScoped
  )
})
