import { Context, Effect, Option } from "effect"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"

/** A restart Scalingo accepted: where it was confirmed, of what, by whom, and the account that sent it. */
export interface RestartSent {
  readonly teamId: string
  readonly channelId: string
  readonly app: string
  readonly region: string
  readonly userId: string
  readonly at: Date
  readonly account: ScalingoAccount
}

/**
 * What another feature does once a restart was sent (watching edits the channel's open crash alerts of
 * the app: who restarted, and their Restart button retired). Optional: without it nothing happens.
 */
export class RestartSentListener extends Context.Tag("bot/runtime/RestartSentListener")<
  RestartSentListener,
  { readonly restartSent: (sent: RestartSent) => Effect.Effect<void> }
>() {}

/** Tells the listener, if any; its failure never fails the restart, which was sent. */
export const noteRestartSent = (sent: RestartSent) =>
  Effect.flatMap(Effect.serviceOption(RestartSentListener), (listener) =>
    Option.isNone(listener)
      ? Effect.void
      : listener.value
          .restartSent(sent)
          .pipe(Effect.catchAllCause((cause) => Effect.logWarning("a restart's listener failed", cause)))
  )
