import { fn } from "../../tracing/fn.js"
import { Effect, Option } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { context, message } from "../../blockKit/blocks.js"
import { code } from "../../blockKit/text.js"
import { DeploymentsApi } from "../../scalingo/DeploymentsApi.js"
import { cannotPostHere, cannotSee, staleButton } from "../../runtime/errorMessages.js"
import type { ButtonClick, SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { show } from "../../runtime/replies/Replies.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { alreadyAbove, withoutButtons } from "../events/eventsView.js"
import { BuildLogTarget, DEPLOYMENTS_PER_PAGE, DeploymentsCursor } from "./deploymentsCursor.js"
import { tailOf } from "../../views/logTail.js"
import {
  buildLogComment,
  buildLogMessage,
  deploymentsPageMessage,
  deploymentsParentMessage
} from "./deploymentsView.js"

/** `deployments <app>`: a parent message in the channel and the first page in its thread. */
export const deployments = fn("Deployments.command")(function* (
  invocation: SlashInvocation,
  args: ReadonlyArray<string>
) {
  const accounts = yield* Accounts
  const directory = yield* AppDirectory
  const api = yield* DeploymentsApi
  const app = args[0] ?? ""
  const { person } = invocation
  const first = yield* accounts.actingAs(person, ({ account }) =>
    Effect.gen(function* () {
      const { region } = yield* directory.find(account, app)
      return { region, page: yield* api.list(account, region, app, { page: 1, perPage: DEPLOYMENTS_PER_PAGE }) }
    })
  )
  const cursorIn = (t: string) => ({ a: app, r: first.region, p: 1, n: DEPLOYMENTS_PER_PAGE, t })
  const privately = (reason: string) => {
    const page = deploymentsPageMessage(first.page, cursorIn("0.0"), person.userId)
    return message(page.text, [
      context(`${cannotPostHere(reason)} Here is the first page, just for you.`),
      ...page.blocks.filter((b) => b.type !== "actions" && !("accessory" in b))
    ])
  }
  const parent = yield* show(
    Reply.Post({ message: deploymentsParentMessage(app, person.userId), orPrivately: privately })
  )
  if (parent.privately === true || parent.ts === undefined) return Reply.Nothing()
  return Reply.Post({
    message: deploymentsPageMessage(first.page, cursorIn(parent.ts), person.userId),
    threadTs: parent.ts,
    ...(parent.channel !== undefined ? { channel: parent.channel } : {})
  })
})

/**
 * A Next click: served with the clicker's account, in the same thread; the old page loses its buttons.
 * Previous posts nothing: its page is above in the thread already.
 */
export const deploymentsPage = fn("Deployments.page")(function* (click: ButtonClick) {
  const accounts = yield* Accounts
  const api = yield* DeploymentsApi
  const cursor = DeploymentsCursor.decode(click.value)
  if (Option.isNone(cursor) || click.channelId === undefined)
    return Reply.Private({ message: staleButton(click.command) })
  const { a, r, p, n, t, b } = cursor.value
  if (b === 1) return Reply.Private({ message: alreadyAbove(p) })
  const page = yield* accounts
    .actingAs(click.person, ({ account }) => api.list(account, r, a, { page: p, perPage: n }))
    .pipe(Effect.catchTags({ NotFound: () => Effect.succeed(undefined), Forbidden: () => Effect.succeed(undefined) }))
  if (page === undefined) return Reply.Private({ message: cannotSee(`the app ${code(a)}`) })
  yield* show(
    Reply.Post({
      message: deploymentsPageMessage(page, cursor.value, click.person.userId),
      channel: click.channelId,
      threadTs: t
    })
  )
  const clicked = click.message
  if (clicked === undefined || clicked.ephemeral || clicked.blocks.length === 0) return Reply.Nothing()
  return Reply.ReplaceClicked({ message: withoutButtons(clicked.blocks, clicked.text || "Deployments") })
})

/** A deployment's build log in the thread: the last lines in a code block, the whole log as a file when long. */
export const buildLog = fn("Deployments.buildLog")(function* (click: ButtonClick) {
  const accounts = yield* Accounts
  const api = yield* DeploymentsApi
  const target = BuildLogTarget.decode(click.value)
  if (Option.isNone(target) || click.channelId === undefined)
    return Reply.Private({ message: staleButton(click.command) })
  const { a, r, d, c, t } = target.value
  const log = yield* accounts
    .actingAs(click.person, ({ account }) => api.output(account, r, a, d))
    .pipe(Effect.catchTags({ NotFound: () => Effect.succeed(undefined), Forbidden: () => Effect.succeed(undefined) }))
  if (log === undefined) return Reply.Private({ message: cannotSee(`the build log of ${code(a)}`) })
  const text = Option.getOrUndefined(log)
  // Once: the last lines in a message when the log fits, otherwise the whole log as a file alone.
  if (text === undefined || !tailOf(text).cut)
    return Reply.Post({
      message: buildLogMessage(a, c, text, click.person.userId),
      channel: click.channelId,
      threadTs: t
    })
  return Reply.File({
    channel: click.channelId,
    threadTs: t,
    filename: `${a}-build-${c ?? "log"}.log`.replace(/[^A-Za-z0-9._-]/g, "-"),
    title: `Build log of ${a}${c !== undefined ? ` (${c})` : ""}`,
    content: text,
    comment: buildLogComment(a, c, click.person.userId)
  })
})
