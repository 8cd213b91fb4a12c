import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { say } from "../../blockKit/blocks.js"
import { code } from "../../blockKit/text.js"
import { EventsApi } from "../../scalingo/EventsApi.js"
import { cannotSee, staleButton } from "../../runtime/errorMessages.js"
import type { ButtonClick } from "../../runtime/interaction/Interaction.js"
import { show } from "../../runtime/replies/Replies.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { decodeCursor } from "./eventsCursor.js"
import { alreadyAbove, eventsPageMessage, withoutButtons } from "./eventsView.js"

/**
 * A Next click: served with the clicker's own account and posted in the same thread, saying who asked.
 * Account-wide events are their owner's only: anyone else is told so, privately. The page whose button
 * was used loses its buttons, so it cannot be paged twice. A Previous click posts nothing: the page it
 * names is above in the thread already, and the clicker is pointed to it.
 */
export const eventsPage = fn("Events.page")(function* (click: ButtonClick) {
  const accounts = yield* Accounts
  const eventsApi = yield* EventsApi
  const cursor = decodeCursor(click.value)
  if (cursor === undefined || click.channelId === undefined)
    return Reply.Private({ message: staleButton(click.command) })
  if (cursor.back === true) return Reply.Private({ message: alreadyAbove(cursor.page) })
  if (cursor.app === null && cursor.owner !== click.person.userId) {
    const owner = cursor.owner === undefined ? "the person who asked" : `<@${cursor.owner}>`
    return Reply.Private({
      message: say(`These are ${owner}'s account events: only they can page through them.`)
    })
  }
  const page = yield* accounts
    .actingAs(click.person, ({ account }) =>
      cursor.app === null
        ? eventsApi.accountEvents(account, cursor.region, { page: cursor.page, perPage: cursor.perPage })
        : eventsApi.appEvents(account, cursor.region, cursor.app, { page: cursor.page, perPage: cursor.perPage })
    )
    .pipe(
      Effect.catchTags({
        NotFound: () => Effect.succeed(undefined),
        Unauthorized: () => Effect.succeed(undefined),
        Forbidden: () => Effect.succeed(undefined)
      })
    )
  if (page === undefined) {
    return Reply.Private({ message: cannotSee(cursor.app === null ? "these events" : `the app ${code(cursor.app)}`) })
  }
  yield* show(
    Reply.Post({
      message: eventsPageMessage(page, cursor, click.person.userId),
      channel: click.channelId,
      threadTs: cursor.threadTs
    })
  )
  const clicked = click.message
  if (clicked === undefined || clicked.ephemeral || clicked.blocks.length === 0) return Reply.Nothing()
  return Reply.ReplaceClicked({ message: withoutButtons(clicked.blocks, clicked.text || "Events") })
})
