import { Clock, Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { DomainsApi } from "../../scalingo/DomainsApi.js"
import { fn } from "../../tracing/fn.js"
import { domainsMessage } from "./domainsView.js"

/** `domains <app>`: the app's custom domains and their certificates, privately (one request). */
export const domains = fn("Domains.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const directory = yield* AppDirectory
  const domainsApi = yield* DomainsApi
  const app = args[0] ?? ""
  const card = yield* accounts.actingAs(invocation.person, ({ account }) =>
    Effect.gen(function* () {
      const { region } = yield* directory.find(account, app)
      const list = yield* domainsApi.list(account, region, app)
      const nowMs = yield* Clock.currentTimeMillis
      return { app, region, domains: list, nowMs }
    })
  )
  return Reply.Private({ message: domainsMessage(card) })
})
