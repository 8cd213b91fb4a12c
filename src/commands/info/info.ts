import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { AppsApi } from "../../scalingo/AppsApi.js"
import { ContainersApi } from "../../scalingo/ContainersApi.js"
import { DeploymentsApi } from "../../scalingo/DeploymentsApi.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { infoMessage } from "./infoView.js"

/**
 * `info <app>`: the app card, privately. The app, its formation and its last deployment are read at
 * once (three requests; the app's region comes from the account's app directory).
 */
export const info = fn("Info.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const directory = yield* AppDirectory
  const appsApi = yield* AppsApi
  const containers = yield* ContainersApi
  const deployments = yield* DeploymentsApi
  const name = args[0] ?? ""
  const card = yield* accounts.actingAs(invocation.person, ({ account }) =>
    Effect.gen(function* () {
      const { region } = yield* directory.find(account, name)
      const [app, formation, page] = yield* Effect.all(
        [
          appsApi.show(account, region, name),
          containers.formation(account, region, name),
          deployments.list(account, region, name, { page: 1, perPage: 1 })
        ],
        { concurrency: "unbounded" }
      )
      return { app, region, formation, lastDeployment: page.deployments[0] }
    })
  )
  return Reply.Private({ message: infoMessage(card) })
})
