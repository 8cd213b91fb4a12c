import { Clock, Effect, Layer } from "effect"
import { WorkspaceAdmins } from "../policies/WorkspaceAdmins.js"
import { type BotIdentity, type SlackUser, SlackWeb } from "./SlackWeb.js"

/** How long Slack's answer about a person's admin rights is trusted. */
export const ADMIN_CACHE_MS = 5 * 60 * 1000
const MAX_ENTRIES = 10_000

/**
 * Whether a person belongs to the organisation the bot is installed in: on Enterprise Grid the same
 * organisation, elsewhere the same workspace, both as they act (the request's team) and as Slack knows
 * them. Someone from another organisation in a shared channel may be an admin there, never here.
 */
const ofInstallation = (installation: BotIdentity, actingTeamId: string, user: SlackUser): boolean =>
  installation.enterpriseId !== undefined
    ? user.enterpriseId === installation.enterpriseId
    : installation.teamId !== undefined &&
      actingTeamId === installation.teamId &&
      (user.teamId === undefined || user.teamId === installation.teamId)

/**
 * Workspace admins and owners from Slack's `users.info` (scope `users:read`), each answer kept five
 * minutes, and only of the workspace (or Grid organisation) the bot is installed in, learnt once from
 * `auth.test`. A failed call is not kept, and answers "no".
 */
export const WorkspaceAdminsLive = Layer.effect(
  WorkspaceAdmins,
  Effect.gen(function* () {
    const slack = yield* SlackWeb
    const cache = new Map<string, { readonly admin: boolean; readonly until: number }>()
    // Each installation's own identity (its workspace, its Grid organisation), learnt once per team.
    const installations = new Map<string, BotIdentity>()
    const installationOf = (teamId: string) =>
      Effect.suspend(() => {
        const known = installations.get(teamId)
        return known !== undefined
          ? Effect.succeed(known)
          : Effect.tap(slack.forTeam(teamId).authTest, (identity) => {
              if (installations.size >= MAX_ENTRIES) installations.clear()
              installations.set(teamId, identity)
            })
      })
    return WorkspaceAdmins.of({
      isAdmin: (teamId, userId) =>
        Effect.gen(function* () {
          const key = `${teamId}/${userId}`
          const now = yield* Clock.currentTimeMillis
          const known = cache.get(key)
          if (known !== undefined && known.until > now) return known.admin
          const asked = yield* Effect.all([installationOf(teamId), slack.forTeam(teamId).userInfo(userId)]).pipe(
            Effect.either
          )
          if (asked._tag === "Left") {
            yield* Effect.logWarning("could not ask Slack whether a person is an admin", { code: asked.left.code })
            return false
          }
          const [home, user] = asked.right
          const admin =
            ofInstallation(home, teamId, user) && !user.deleted && (user.isAdmin || user.isOwner || user.isPrimaryOwner)
          if (cache.size >= MAX_ENTRIES) cache.clear()
          cache.set(key, { admin, until: now + ADMIN_CACHE_MS })
          return admin
        })
    })
  })
)
