import { fn } from "../tracing/fn.js"
import { Effect, Option } from "effect"
import { isPathSafeAppName } from "../scalingo/appName.js"
import { type Follow, Subscriptions } from "../storage/Subscriptions.js"
import { cannotPostHere, notAnAppName } from "../runtime/errorMessages.js"
import type { SlashInvocation } from "../runtime/interaction/Interaction.js"
import { show } from "../runtime/replies/Replies.js"
import { Reply } from "../runtime/replies/Reply.js"
import { subscribeApp, unsubscribeApp } from "./subscribeApp.js"
import {
  notSubscribed,
  pushUnavailable,
  subscribedMessage,
  subscribeInDirectMessage,
  subscriptionsMessage,
  unknownFollowWords,
  unsubscribedMessage
} from "./watchView.js"
import { context, message, section } from "../blockKit/blocks.js"

const WORDS: Readonly<Record<string, Follow>> = {
  deploys: "deploys",
  deploy: "deploys",
  deployments: "deploys",
  crashes: "crashes",
  crash: "crashes",
  all: "all"
}

/** What to follow from the words after the app: deployments and crashes by default. */
const parseFollows = (words: ReadonlyArray<string>) => {
  const unknown = words.filter((w) => !Object.hasOwn(WORDS, w.toLowerCase()))
  const follows = [...new Set(words.map((w) => WORDS[w.toLowerCase()]).filter((f): f is Follow => f !== undefined))]
  return {
    unknown,
    follows: follows.includes("all")
      ? (["all"] as Array<Follow>)
      : follows.length > 0
        ? follows
        : (["crashes", "deploys"] as Array<Follow>)
  }
}

/** A direct message with the bot (or a group DM) cannot hold a subscription: it posts to a channel. */
const isDirectMessage = (channelId: string) => channelId === "" || channelId.startsWith("D")

/** `subscribe <app> [deploys] [crashes] [all]`: in a channel; the channel is told who subscribed. */
export const subscribe = fn("Watch.subscribe")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const [app = "", ...words] = args
  if (isDirectMessage(invocation.channelId))
    return Reply.Private({ message: subscribeInDirectMessage(invocation.command) })
  if (!isPathSafeAppName(app)) return Reply.Private({ message: notAnAppName(app, invocation.command) })
  const { unknown, follows } = parseFollows(words)
  if (unknown.length > 0) return Reply.Private({ message: unknownFollowWords(unknown, invocation.command) })
  const done = yield* subscribeApp({ person: invocation.person, channelId: invocation.channelId, app, follows })
  const announcement = subscribedMessage(invocation.person.userId, done.subscription, done.pushed)
  const posted = yield* show(
    Reply.Post({
      channel: invocation.channelId,
      message: done.pushRefused
        ? message(announcement.text, [...announcement.blocks, context(pushUnavailable(app))])
        : announcement,
      orPrivately: (reason) =>
        message(announcement.text, [
          ...announcement.blocks,
          section(`:warning: ${cannotPostHere(reason)} Nothing can be posted here until I am invited.`)
        ])
    })
  )
  yield* Effect.annotateCurrentSpan("privately", posted.privately === true)
  return Reply.Nothing()
})

/** `unsubscribe <app>`: stops it for this channel (and removes its webhook notifier). */
export const unsubscribe = fn("Watch.unsubscribe")(function* (
  invocation: SlashInvocation,
  args: ReadonlyArray<string>
) {
  const app = args[0] ?? ""
  if (!isPathSafeAppName(app)) return Reply.Private({ message: notAnAppName(app, invocation.command) })
  const removed = yield* unsubscribeApp({ person: invocation.person, channelId: invocation.channelId, app })
  if (Option.isNone(removed)) return Reply.Private({ message: notSubscribed(app, invocation.command) })
  const told = unsubscribedMessage(invocation.person.userId, app)
  return Reply.Post({ channel: invocation.channelId, message: told, orPrivately: () => told })
})

/** `subscriptions`: this channel's subscriptions, privately, paused ones with their reason. */
export const subscriptions = fn("Watch.subscriptions")(function* (invocation: SlashInvocation) {
  const store = yield* Subscriptions
  const list = yield* store.forChannel(invocation.person.teamId, invocation.channelId)
  return Reply.Private({ message: subscriptionsMessage(list, invocation.command) })
})
