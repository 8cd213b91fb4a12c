import { Clock, Effect, Layer } from "effect"
import { SlackMembers } from "../watching/SlackMembers.js"
import { SlackWeb } from "./SlackWeb.js"

/** How long Slack's answer about a person's account is trusted (a poll every minute asks far less). */
const MEMBER_CACHE_MS = 5 * 60 * 1000
const MAX_ENTRIES = 10_000

/** Deactivated Slack accounts from `users.info` (scope `users:read`); a failed call is not kept and answers "no". */
export const SlackMembersLive = Layer.effect(
  SlackMembers,
  Effect.gen(function* () {
    const slack = yield* SlackWeb
    const cache = new Map<string, { readonly deactivated: boolean; readonly until: number }>()
    return SlackMembers.of({
      isDeactivated: (teamId, userId) =>
        Effect.gen(function* () {
          const key = `${teamId}/${userId}`
          const now = yield* Clock.currentTimeMillis
          const known = cache.get(key)
          if (known !== undefined && known.until > now) return known.deactivated
          const user = yield* slack.forTeam(teamId).userInfo(userId).pipe(Effect.either)
          if (user._tag === "Left") {
            yield* Effect.logWarning("could not ask Slack whether a subscriber is still a member", {
              code: user.left.code
            })
            return false
          }
          if (cache.size >= MAX_ENTRIES) cache.clear()
          cache.set(key, { deactivated: user.right.deleted, until: now + MEMBER_CACHE_MS })
          return user.right.deleted
        })
    })
  })
)
