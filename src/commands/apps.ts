import { Effect } from "effect"
import { AppsApi } from "../scalingo/AppsApi.js"
import { SlackWeb } from "../slack/SlackWeb.js"
import { Accounts } from "./Accounts.js"
import { appsMessage, type RegionApps } from "./appsView.js"
import { describeFailure } from "./errorMessages.js"
import { type ButtonClick, type Person, type SlashInvocation, CommandName } from "./Interaction.js"

/** Reads every reachable region at once; a region that fails is named, the others still listed. */
const readAllRegions = Effect.fn("Apps.readAllRegions")(function* (person: Person) {
  const accounts = yield* Accounts
  const appsApi = yield* AppsApi
  const slackCommand = yield* CommandName
  const { results } = yield* accounts.actingAs(person, ({ account }) => appsApi.listAll(account))
  return results.map(
    (r): RegionApps =>
      "apps" in r
        ? { region: r.region, apps: r.apps }
        : { region: r.region, problem: describeFailure(r.error, slackCommand).text }
  )
})

/** `apps`: the person's apps across regions, privately, first page. */
export const apps = Effect.fn("Apps.command")(function* (invocation: SlashInvocation) {
  const slack = yield* SlackWeb
  const results = yield* readAllRegions(invocation.person)
  yield* slack.respond(invocation.responseUrl, { message: appsMessage(results, 1) })
})

/** A Previous/Next click on the apps answer: re-reads with the clicker's account and replaces the message. */
export const appsPage = Effect.fn("Apps.page")(function* (click: ButtonClick) {
  const slack = yield* SlackWeb
  if (click.responseUrl === undefined) return
  const page = Number.parseInt(click.value, 10)
  const results = yield* readAllRegions(click.person)
  yield* slack.respond(click.responseUrl, {
    message: appsMessage(results, Number.isSafeInteger(page) ? page : 1),
    replaceOriginal: true
  })
})
