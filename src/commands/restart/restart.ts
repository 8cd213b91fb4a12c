import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { say } from "../../blockKit/blocks.js"
import { code, listOf } from "../../blockKit/text.js"
import { ContainersApi } from "../../scalingo/ContainersApi.js"
import { askToConfirm } from "../../runtime/changes/confirmation.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { changeKinds } from "../changeKinds.js"

const TYPE = /^[a-z0-9][a-z0-9_-]{0,62}$/

/** A type (`web`) or one container (`web-1`) of the app's formation. */
const inFormation = (word: string, types: ReadonlyArray<string>) =>
  types.includes(word) || types.some((type) => new RegExp(`^${type}-\\d{1,3}$`).test(word))

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
  const unknown = scope.filter((word) => !TYPE.test(word) || !inFormation(word, types))
  if (unknown.length > 0) {
    return Reply.Private({
      message: say(
        `${code(app)} has no ${listOf(unknown.map((u) => code(u)))} to restart; ` +
          (types.length > 0 ? `its types are ${listOf(types.map((t) => code(t)))}.` : "it has no containers yet.")
      )
    })
  }
  if (formation.every((t) => t.amount === 0)) {
    return Reply.Private({ message: say(`${code(app)} has no running container to restart.`) })
  }
  const snapshot = formation.map((t) => ({ name: t.name, amount: t.amount, size: t.size }))
  return yield* askToConfirm(invocation, changeKinds, { _tag: "Restart", scope, formation: snapshot }, { app, region })
})
