import { Context, type Duration, Effect, Layer, Schedule } from "effect"
import { type PendingChange, PendingChanges } from "../../storage/PendingChanges.js"
import { Replies } from "../replies/Replies.js"
import { Reply } from "../replies/Reply.js"
import { expired } from "./confirmationView.js"

/** How often expired questions are looked for, and old changes pruned. */
export class UpkeepTimings extends Context.Reference<UpkeepTimings>()("bot/runtime/UpkeepTimings", {
  defaultValue: (): { readonly expireEvery: Duration.DurationInput; readonly pruneEvery: Duration.DurationInput } => ({
    expireEvery: "5 seconds",
    pruneEvery: "1 hour"
  })
}) {}

/** Edits an expired change's question to say so, through the response_url it was asked with. */
const tellExpired = (replies: Context.Tag.Service<Replies>, change: PendingChange) =>
  change.questionUrl === null
    ? Effect.void
    : replies
        .show(
          // No channel: if the response_url no longer works, nothing else is posted in its place.
          { person: { teamId: change.teamId, userId: change.userId, userName: "" }, responseUrl: change.questionUrl },
          Reply.Private({ message: expired(change), replace: true })
        )
        .pipe(Effect.catchAll((error) => Effect.logInfo("could not edit an expired question", { code: error.code })))

/**
 * Time as data: every few seconds the changes whose question has expired unanswered are marked
 * expired (each handed to one replica only) and their question edited to say so at that moment, not
 * when someone clicks it; every hour the changes a day past their expiry are deleted.
 */
export const ChangeUpkeepLive: Layer.Layer<never, never, PendingChanges | Replies> = Layer.scopedDiscard(
  Effect.gen(function* () {
    const pending = yield* PendingChanges
    const replies = yield* Replies
    const timings = yield* UpkeepTimings
    const expire = pending.expireDue().pipe(
      Effect.flatMap((due) => Effect.forEach(due, (change) => tellExpired(replies, change), { concurrency: 4 })),
      Effect.catchAll((error) => Effect.logWarning("could not expire questions", { reason: error.reason }))
    )
    const prune = pending.sweep().pipe(
      Effect.tap((removed) => (removed > 0 ? Effect.logInfo("pruned old changes", { removed }) : Effect.void)),
      Effect.catchAll((error) => Effect.logWarning("could not prune old changes", { reason: error.reason }))
    )
    yield* Effect.forkScoped(Effect.repeat(expire, Schedule.spaced(timings.expireEvery)))
    yield* Effect.forkScoped(Effect.repeat(prune, Schedule.spaced(timings.pruneEvery)))
  })
)
