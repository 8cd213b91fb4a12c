import { Clock, Effect, Layer } from "effect"
import { WorkspaceAdmins } from "../policies/WorkspaceAdmins.js"
import { SlackWeb } from "./SlackWeb.js"

/** How long Slack's answer about a person's admin rights is trusted. */
export const ADMIN_CACHE_MS = 5 * 60 * 1000
const MAX_ENTRIES = 10_000

/**
 * Workspace admins and owners from Slack's `users.info` (scope `users:read`), each answer kept five
 * minutes. A failed call is not kept, and answers "no".
 */
export const WorkspaceAdminsLive = Layer.effect(
  WorkspaceAdmins,
  Effect.gen(function* () {
    const slack = yield* SlackWeb
    const cache = new Map<string, { readonly admin: boolean; readonly until: number }>()
    return WorkspaceAdmins.of({
      isAdmin: (teamId, userId) =>
        Effect.gen(function* () {
          const key = `${teamId}/${userId}`
          const now = yield* Clock.currentTimeMillis
          const known = cache.get(key)
          if (known !== undefined && known.until > now) return known.admin
          const user = yield* slack.forTeam(teamId).userInfo(userId).pipe(Effect.either)
          if (user._tag === "Left") {
            yield* Effect.logWarning("could not ask Slack whether a person is an admin", { code: user.left.code })
            return false
          }
          const admin = !user.right.deleted && (user.right.isAdmin || user.right.isOwner || user.right.isPrimaryOwner)
          if (cache.size >= MAX_ENTRIES) cache.clear()
          cache.set(key, { admin, until: now + ADMIN_CACHE_MS })
          return admin
        })
    })
  })
)
