import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { say } from "../../blockKit/blocks.js"
import { code } from "../../blockKit/text.js"
import { notInFormation, unknownContainersSentence } from "../../scalingo/containerNames.js"
import { ContainersApi } from "../../scalingo/ContainersApi.js"
import { askToConfirm } from "../../runtime/changes/confirmation.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { changeKinds } from "../changeKinds.js"

/**
 * `restart <app> [type …]`: reads the app's formation with the person's account (so an app they
 * cannot see, or a type it does not have, is refused before anything is asked), then asks them,
 * privately, to confirm what restarts.
 */
export const restart = fn("Restart.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const directory = yield* AppDirectory
  const containers = yield* ContainersApi
  const [app = "", ...scope] = args
  const { region, formation } = yield* accounts.actingAs(invocation.person, ({ account }) =>
    Effect.gen(function* () {
      const found = yield* directory.find(account, app)
      return { region: found.region, formation: yield* containers.formation(account, found.region, app) }
    })
  )
  const types = formation.map((t) => t.name)
  const unknown = notInFormation(scope, types)
  if (unknown.length > 0) {
    return Reply.Private({ message: say(unknownContainersSentence(app, unknown, types, "to restart")) })
  }
  if (formation.every((t) => t.amount === 0)) {
    return Reply.Private({ message: say(`${code(app)} has no running container to restart.`) })
  }
  const snapshot = formation.map((t) => ({ name: t.name, amount: t.amount, size: t.size }))
  return yield* askToConfirm(invocation, changeKinds, { _tag: "Restart", scope, formation: snapshot }, { app, region })
})
