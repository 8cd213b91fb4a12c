import { type Duration, Effect, type Exit, Fiber } from "effect"
import { Background } from "../Background.js"
import type { View } from "../slack/blocks.js"
import { logWithReference } from "./errorMessages.js"
import type { ViewAck } from "./Interaction.js"

/**
 * Slack closes a modal submission after 3 seconds. Work that finishes within `deadline` answers in
 * the acknowledgement itself (so errors can sit inline under their field); slower work shows
 * `pending` at once and replaces it with the outcome when it arrives. The work runs in the
 * background either way, so a slow Scalingo never makes Slack report a failure.
 */
export const answerInTime = <A, E, R, R2, R3>(options: {
  readonly work: Effect.Effect<A, E, R>
  readonly deadline?: Duration.DurationInput
  readonly quick: (exit: Exit.Exit<A, E>) => Effect.Effect<ViewAck, never, R2>
  readonly pending: View
  readonly later: (exit: Exit.Exit<A, E>) => Effect.Effect<void, unknown, R3>
}): Effect.Effect<ViewAck, never, Background | R | R2 | R3> =>
  Effect.gen(function* () {
    const background = yield* Background
    const context = yield* Effect.context<R | R3>()
    const fiber = yield* background.fork(Effect.provide(options.work, context))
    const early = yield* Fiber.await(fiber).pipe(Effect.timeoutOption(options.deadline ?? "2 seconds"))
    if (early._tag === "Some") return yield* options.quick(early.value)
    yield* background.fork(
      Fiber.await(fiber).pipe(
        Effect.flatMap(options.later),
        Effect.catchAllCause((cause) => logWithReference("could not show the result of a slow submission", cause)),
        Effect.provide(context)
      )
    )
    return { response_action: "update", view: options.pending } as const
  })
