import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { context, message } from "../../blockKit/blocks.js"
import { isPathSafeAppName } from "../../scalingo/appName.js"
import { NotFound } from "../../scalingo/errors.js"
import { EventsApi } from "../../scalingo/EventsApi.js"
import { Regions } from "../../scalingo/Regions.js"
import type { ScalingoAccount } from "../../scalingo/ScalingoAccount.js"
import { cannotPostHere, notAnAppName } from "../../runtime/errorMessages.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { show } from "../../runtime/replies/Replies.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { EVENTS_PER_PAGE, type EventsCursor } from "./eventsCursor.js"
import { eventsPageMessage, eventsParentMessage } from "./eventsView.js"

/** Finds which region holds `app` (default region first) while reading its first page: one request when it is there. */
const firstAppPage = fn("Events.firstAppPage")(function* (account: ScalingoAccount, app: string) {
  const regions = yield* Regions
  const events = yield* EventsApi
  const reachable = [...(yield* regions.list(account))].sort((a, b) => Number(b.default) - Number(a.default))
  for (const region of reachable) {
    const page = yield* events.appEvents(account, region.name, app, { page: 1, perPage: EVENTS_PER_PAGE }).pipe(
      Effect.map((p) => ({ region: region.name, page: p })),
      Effect.catchTag("NotFound", () => Effect.succeed(undefined))
    )
    if (page !== undefined) return page
  }
  return yield* new NotFound({ resource: "app", message: "not found" })
})

const firstAccountPage = fn("Events.firstAccountPage")(function* (account: ScalingoAccount) {
  const regions = yield* Regions
  const events = yield* EventsApi
  const region = yield* regions.defaultRegion(account)
  return {
    region: region.name,
    page: yield* events.accountEvents(account, region.name, { page: 1, perPage: EVENTS_PER_PAGE })
  }
})

/** `events [app]`: a parent message in the channel, then the first page as a reply in its thread. */
export const events = fn("Events.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const app = args[0]?.toLowerCase() ?? null
  if (app !== null && !isPathSafeAppName(app)) return Reply.Private({ message: notAnAppName(app, invocation.command) })
  const { person } = invocation
  const first = yield* accounts.actingAs(person, ({ account }) =>
    app === null ? firstAccountPage(account) : firstAppPage(account, app)
  )
  const cursorIn = (threadTs: string): EventsCursor => ({
    app,
    region: first.region,
    page: 1,
    perPage: EVENTS_PER_PAGE,
    threadTs,
    skip: 0,
    ...(app === null ? { owner: person.userId } : {})
  })
  // The bot cannot post here (a private channel or a DM without it): the first page is shown privately instead.
  const privately = (reason: string) => {
    const page = eventsPageMessage(first.page, cursorIn("0.0"), person.userId)
    return message(page.text, [
      context(`${cannotPostHere(reason)} Here is the first page, just for you.`),
      ...page.blocks.filter((b) => b.type !== "actions")
    ])
  }
  const parent = yield* show(Reply.Post({ message: eventsParentMessage(app, person.userId), orPrivately: privately }))
  if (parent.privately === true || parent.ts === undefined) return Reply.Nothing()
  return Reply.Post({
    message: eventsPageMessage(first.page, cursorIn(parent.ts), person.userId),
    threadTs: parent.ts,
    ...(parent.channel !== undefined ? { channel: parent.channel } : {})
  })
})
