import { fn } from "../../tracing/fn.js"
import { Effect, Option } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { AppsApi } from "../../scalingo/AppsApi.js"
import { describeFailure, staleButton } from "../../runtime/errorMessages.js"
import { type ButtonClick, CommandName, type SlashInvocation } from "../../runtime/interaction/Interaction.js"
import type { SlackPerson } from "../../accounts/Accounts.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { AppsPage, appsMessage, type RegionApps } from "./appsView.js"

/** Reads every reachable region at once; a region that fails is named, the others still listed. */
const readAllRegions = fn("Apps.readAllRegions")(function* (person: SlackPerson) {
  const accounts = yield* Accounts
  const appsApi = yield* AppsApi
  const directory = yield* AppDirectory
  const command = yield* CommandName
  const { results } = yield* accounts.actingAs(person, ({ account }) =>
    Effect.tap(appsApi.listAll(account), ({ results }) =>
      results.every((r) => "apps" in r)
        ? directory.prime(
            account,
            results.flatMap((r) =>
              "apps" in r ? r.apps.map((a) => ({ name: a.name, region: r.region.name, status: a.status })) : []
            )
          )
        : Effect.void
    )
  )
  return results.map(
    (r): RegionApps =>
      "apps" in r
        ? { region: r.region, apps: r.apps }
        : { region: r.region, problem: describeFailure(r.error, command).text }
  )
})

/** `apps`: the person's apps across regions, privately, first page. */
export const apps = fn("Apps.command")(function* (invocation: SlashInvocation) {
  return Reply.Private({ message: appsMessage(yield* readAllRegions(invocation.person), 1) })
})

/** A Previous/Next click on the apps answer: re-reads with the clicker's account and replaces the message. */
export const appsPage = fn("Apps.page")(function* (click: ButtonClick) {
  const page = AppsPage.decode(click.value)
  if (Option.isNone(page)) return Reply.Private({ message: staleButton(click.command) })
  return Reply.Private({ message: appsMessage(yield* readAllRegions(click.person), page.value), replace: true })
})
