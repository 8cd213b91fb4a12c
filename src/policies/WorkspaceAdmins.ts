import { Context, type Effect } from "effect"

/**
 * The port Slack implements: whether a person is an admin or owner of their workspace (Slack's
 * `users.info`, cached briefly). A failure to ask counts as "no": admin rights are never guessed.
 */
export class WorkspaceAdmins extends Context.Tag("bot/policies/WorkspaceAdmins")<
  WorkspaceAdmins,
  { readonly isAdmin: (teamId: string, userId: string) => Effect.Effect<boolean> }
>() {}
