import { Effect, Option } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { scalingoAccount } from "../../scalingo/ScalingoAccount.js"
import type { OptionsRequest } from "../../runtime/interaction/Interaction.js"
import { optionFor } from "./pickerView.js"

/** Slack gives an options request 3 s; a list not yet known may take this long to read. */
const READ_BUDGET = "2 seconds"
const MAX_OPTIONS = 100

/**
 * The picker's options: the person's own apps (from the per-account directory, read at most once a
 * minute), filtered by what they typed. Never anyone else's; never an error: a person without a
 * linked account, or a Scalingo that is slow, gets no options (the picker says there is no match).
 */
export const pickerOptions = (request: OptionsRequest) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts
    const directory = yield* AppDirectory
    const state = yield* accounts.state(request.person)
    if (state._tag !== "Linked" || state.link.rejectedAt !== null) return []
    const account = scalingoAccount(state.link.apiToken)
    const known = yield* directory.known(account)
    const apps = Option.isSome(known)
      ? known.value
      : yield* directory.apps(account).pipe(
          Effect.timeout(READ_BUDGET),
          Effect.orElseSucceed(() => [])
        )
    const typed = request.value.trim().toLowerCase()
    return apps
      .filter((app) => typed === "" || app.name.includes(typed))
      .sort((a, b) => Number(!a.name.startsWith(typed)) - Number(!b.name.startsWith(typed)))
      .slice(0, MAX_OPTIONS)
      .map(optionFor)
  }).pipe(
    Effect.catchAllCause((cause) => Effect.as(Effect.logWarning("app picker options failed", cause), [])),
    Effect.withSpan("Picker.options")
  )
