import { Context, type Effect } from "effect"

/**
 * Wraps each wait for Slack's rate limit (a channel's Retry-After), so the caller can hand back what it
 * holds meanwhile: a command gives up its work turn, so commands waiting on one busy channel never hold
 * up other people's. By default the wait runs as it is.
 */
export class AroundRateLimitWait extends Context.Reference<AroundRateLimitWait>()("bot/slack/AroundRateLimitWait", {
  defaultValue: (): (<A, E, R>(wait: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>) | undefined => undefined
}) {}
