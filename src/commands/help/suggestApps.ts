import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { closestNames } from "../../runtime/declarations.js"
import type { Handler } from "../../runtime/feature.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { NotFound } from "../../scalingo/errors.js"
import { didYouMeanAppMessage, looksSecret } from "./helpView.js"

const isAppNotFound = (error: unknown): error is NotFound => error instanceof NotFound && error.resource === "app"

/** The person's apps whose names are close to `typed`; none when they are not linked or the list cannot be read. */
const closeApps = (invocation: SlashInvocation, typed: string) =>
  Effect.gen(function* () {
    const linked = yield* (yield* Accounts).require(invocation.person)
    const apps = yield* (yield* AppDirectory).apps(linked.account)
    return closestNames(
      typed,
      apps.map((app) => app.name)
    )
  }).pipe(Effect.orElseSucceed((): ReadonlyArray<string> => []))

/**
 * A command whose app the person cannot see: when their own apps hold names close to the one typed
 * (`restart my-ap`), it asks whether they meant one of those instead of saying only that it is not found.
 * Read only on that failure, from the account's app list (cached a minute).
 */
export const suggestingApps =
  <R>(word: string, handler: Handler<SlashInvocation, R>): Handler<SlashInvocation, R | Accounts | AppDirectory> =>
  (invocation, args) =>
    handler(invocation, args).pipe(
      Effect.catchIf(isAppNotFound, (error) => {
        const [typed = "", ...rest] = args
        // A pasted credential is never repeated back, even as the name someone typed.
        if (looksSecret(typed)) return Effect.fail(error)
        return Effect.flatMap(closeApps(invocation, typed), (meant) =>
          meant.length === 0
            ? Effect.fail(error)
            : Effect.succeed(
                Reply.Private({ message: didYouMeanAppMessage(invocation.command, { word, typed, rest }, meant) })
              )
        )
      })
    )
