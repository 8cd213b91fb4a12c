import { Context, type Effect } from "effect"

/**
 * The port Slack implements for watching: whether a subscriber's Slack account was deactivated
 * (`users.info` answers `deleted`), cached briefly. A failure to ask counts as "no": a subscription is
 * never paused on a guess.
 */
export class SlackMembers extends Context.Tag("bot/watch/SlackMembers")<
  SlackMembers,
  { readonly isDeactivated: (teamId: string, userId: string) => Effect.Effect<boolean> }
>() {}
