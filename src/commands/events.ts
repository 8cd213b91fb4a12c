import { Effect } from "effect"
import { isPathSafeAppName } from "../scalingo/appName.js"
import { NotFound } from "../scalingo/errors.js"
import { EventsApi } from "../scalingo/EventsApi.js"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"
import { Regions } from "../scalingo/Regions.js"
import { context, escapeMrkdwn, message, section } from "../slack/blocks.js"
import { SlackWeb } from "../slack/SlackWeb.js"
import { Accounts } from "./Accounts.js"
import { describeFailure, isKnownFailure } from "./errorMessages.js"
import {
  decodeCursor,
  EVENTS_PER_PAGE,
  eventsPageMessage,
  eventsParentMessage,
  type EventsCursor
} from "./eventsView.js"
import { type ButtonClick, type SlashInvocation, CommandName } from "./Interaction.js"

/** Finds which region holds `app` (default region first) while reading its first page: one request when it is there. */
const firstAppPage = Effect.fn("Events.firstAppPage")(function* (account: ScalingoAccount, app: string) {
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

const firstAccountPage = Effect.fn("Events.firstAccountPage")(function* (account: ScalingoAccount) {
  const regions = yield* Regions
  const events = yield* EventsApi
  const region = yield* regions.defaultRegion(account)
  return {
    region: region.name,
    page: yield* events.accountEvents(account, region.name, { page: 1, perPage: EVENTS_PER_PAGE })
  }
})

/** `events [app]`: a parent message in the channel, then the first page as a reply in its thread. */
export const events = Effect.fn("Events.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const slack = yield* SlackWeb
  const slackCommand = yield* CommandName
  const app = args[0]?.toLowerCase() ?? null
  if (app !== null && !isPathSafeAppName(app)) {
    const text = `\`${escapeMrkdwn(app.slice(0, 60))}\` is not an app name: names use lowercase letters, digits and hyphens. See your apps with \`${slackCommand} apps\`.`
    return yield* slack.respond(invocation.responseUrl, { message: message(text, [section(text)]) })
  }
  const first = yield* accounts.actingAs(invocation.person, ({ account }) =>
    app === null ? firstAccountPage(account) : firstAppPage(account, app)
  )
  const posted = yield* slack
    .postMessage({ channel: invocation.channelId, message: eventsParentMessage(app, invocation.person.userId) })
    .pipe(Effect.either)
  if (posted._tag === "Left") {
    // The bot cannot post here (private channel or DM without it): show the page privately instead.
    const cursorless = eventsPageMessage(first.page, {
      app,
      region: first.region,
      page: 1,
      perPage: EVENTS_PER_PAGE,
      threadTs: "0.0"
    })
    const note = context(
      `I can't post in this channel (${escapeMrkdwn(posted.left.code)}); invite me with \`/invite\` to get threaded, paged listings. Here is the first page, just for you.`
    )
    return yield* slack.respond(invocation.responseUrl, {
      message: { text: cursorless.text, blocks: [note, ...cursorless.blocks.filter((b) => b.type !== "actions")] }
    })
  }
  const cursor: EventsCursor = {
    app,
    region: first.region,
    page: 1,
    perPage: EVENTS_PER_PAGE,
    threadTs: posted.right.ts
  }
  yield* slack.postMessage({
    channel: posted.right.channel,
    threadTs: posted.right.ts,
    message: eventsPageMessage(first.page, cursor)
  })
})

/** A Previous/Next click: served with the clicker's own account, posted in the same thread. */
export const eventsPage = Effect.fn("Events.page")(function* (click: ButtonClick) {
  const accounts = yield* Accounts
  const eventsApi = yield* EventsApi
  const slack = yield* SlackWeb
  const slackCommand = yield* CommandName
  const tellClicker = (text: string) =>
    click.responseUrl === undefined
      ? Effect.void
      : slack.respond(click.responseUrl, { message: message(text, [section(text)]) })
  const cursor = decodeCursor(click.value)
  if (cursor === undefined || click.channelId === undefined)
    return yield* tellClicker("This button is no longer valid. Run the `events` command again.")
  const page = yield* accounts
    .actingAs(click.person, ({ account }) =>
      cursor.app === null
        ? eventsApi.accountEvents(account, cursor.region, { page: cursor.page, perPage: cursor.perPage })
        : eventsApi.appEvents(account, cursor.region, cursor.app, { page: cursor.page, perPage: cursor.perPage })
    )
    .pipe(Effect.either)
  if (page._tag === "Left") {
    const error = page.left
    const denied = error._tag === "NotFound" || error._tag === "Unauthorized" || error._tag === "Forbidden"
    return yield* tellClicker(
      denied
        ? `Your Scalingo account cannot see ${cursor.app === null ? "these events" : `the app *${escapeMrkdwn(cursor.app)}*`}, so I can't show you this page.`
        : isKnownFailure(error)
          ? describeFailure(error, slackCommand).text
          : "Sorry, that page could not be read."
    )
  }
  yield* slack.postMessage({
    channel: click.channelId,
    threadTs: cursor.threadTs,
    message: eventsPageMessage(page.right, cursor)
  })
})
