import { Effect, Option, Redacted } from "effect"
import { type Installation, Installations } from "../storage/Installations.js"
import type { StorageError } from "../storage/StorageError.js"

/** What Bolt asks `authorize` about: the workspace (and enterprise) a request comes from. */
export interface AuthorizeSource {
  readonly teamId?: string | undefined
  readonly enterpriseId?: string | undefined
}

/** Bolt's answer for one installation: the token its listeners' `client` would use, and the bot's ids. */
export interface Authorized {
  readonly botToken: string
  readonly botId?: string
  readonly botUserId: string
  readonly teamId: string
  readonly enterpriseId?: string
}

/** Said to Bolt (which only logs it): names the team, never a token. */
export class NotInstalled extends Error {
  constructor(readonly teamId: string) {
    super(`the bot is not installed in Slack team ${teamId || "(none)"}`)
  }
}

const MAX_REMEMBERED = 1_000

/**
 * Bolt's `authorize`, through the installation store: a request from a team without an installation is
 * refused (Bolt acknowledges it and runs no listener). The first refusal per team is a warning, the
 * rest debug lines, so a stranger's retries cannot flood the log.
 */
export const makeAuthorizeTeam = Effect.gen(function* () {
  const installations = yield* Installations
  const warned = new Set<string>()
  return (source: AuthorizeSource): Effect.Effect<Authorized, NotInstalled | StorageError> =>
    Effect.gen(function* () {
      const teamId = source.teamId ?? ""
      const found = teamId === "" ? Option.none<Installation>() : yield* installations.find(teamId, source.enterpriseId)
      if (Option.isSome(found)) {
        const installation = found.value
        const authorized: Authorized = {
          // Bolt hands its listeners a client with this token; ours never use it (they go through SlackWeb).
          botToken: Redacted.value(installation.botToken),
          botUserId: installation.botUserId,
          teamId,
          ...(installation.botId !== "" ? { botId: installation.botId } : {}),
          ...(installation.enterpriseId !== null ? { enterpriseId: installation.enterpriseId } : {})
        }
        return authorized
      }
      const first = !warned.has(teamId)
      if (first) {
        if (warned.size >= MAX_REMEMBERED) warned.clear()
        warned.add(teamId)
      }
      const line = `Refused a request from Slack team ${teamId || "(none)"}: the bot is not installed there`
      yield* first ? Effect.logWarning(line) : Effect.logDebug(line)
      return yield* Effect.fail(new NotInstalled(teamId))
    })
})
