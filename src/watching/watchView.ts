// Every sentence of watching apps in one place: the subscription answers and what is posted to a watching channel.
import { type Block, context, fitsInMessage, type Message, message, say, section } from "../blockKit/blocks.js"
import { code, codeBlock, durationText, listOf, plain, plural, slackDate, trustedLink } from "../blockKit/text.js"
import type { Deployment } from "../scalingo/schemas/deployment.js"
import type { ScalingoEvent } from "../scalingo/schemas/events/index.js"
import type { Follow, Subscription } from "../storage/Subscriptions.js"
import { deploymentCommit, deploymentOf } from "../views/commit.js"
import { deploymentStatusWords } from "../views/deploymentStatus.js"
import { dashboardUrl } from "../views/links.js"
import { tailOf } from "../views/logTail.js"
import { withoutEmails } from "../views/channelSafe.js"
import { describeEvent } from "../views/events/describeEvent.js"
import { eventLine } from "../views/events/eventLine.js"

const FOLLOW_WORDS: Readonly<Record<Follow, string>> = {
  deploys: "deployments",
  crashes: "crashes",
  all: "every event"
}

export const followsText = (follows: ReadonlyArray<Follow>): string =>
  follows.includes("all") ? FOLLOW_WORDS.all : listOf(follows.map((f) => FOLLOW_WORDS[f]))

export const subscribeInDirectMessage = (command: string): Message =>
  say(
    `:information_source: Subscriptions post to a channel: run \`${command} subscribe <app>\` in the channel ` +
      "that should be told (and invite me there first)."
  )

export const unknownFollowWords = (words: ReadonlyArray<string>, command: string): Message =>
  say(
    `I can follow ${code("deploys")}, ${code("crashes")} or ${code("all")}, ` +
      `not ${listOf(words.map((w) => code(w, 30)))}. ` +
      `For example: \`${command} subscribe my-app deploys crashes\`.`
  )

export const subscribedMessage = (
  userId: string,
  subscription: Pick<Subscription, "app" | "region" | "follows">,
  push: boolean
): Message =>
  say(
    `:eyes: <@${userId}> subscribed this channel to ${followsText(subscription.follows)} of ` +
      `${code(subscription.app)} (${code(subscription.region)}).`,
    `Read with <@${userId}>'s Scalingo account${push ? "; Scalingo rings the bot when something happens" : ""}. ` +
      "Nothing from before now is posted."
  )

export const pushUnavailable = (app: string): string =>
  `Scalingo did not let me add a webhook notifier on ${code(app)}, so this channel is kept up to date by ` +
  "polling only (news may take a minute or two)."

export const unsubscribedMessage = (userId: string, app: string): Message =>
  say(`:wave: <@${userId}> unsubscribed this channel from ${code(app)}.`)

export const notSubscribed = (app: string, command: string): Message =>
  say(`This channel is not subscribed to ${code(app)}. \`${command} subscriptions\` lists what it follows.`)

export const subscriptionsMessage = (subscriptions: ReadonlyArray<Subscription>, command: string): Message => {
  if (subscriptions.length === 0) {
    return say(`This channel follows no app yet. Subscribe with \`${command} subscribe <app>\`.`)
  }
  const lines: Array<Block> = [section(`:eyes: *This channel's subscriptions* (${subscriptions.length})`)]
  for (const s of subscriptions) {
    const state =
      s.pausedAt === null ? "" : ` · :double_vertical_bar: *paused*: ${plain(s.pausedReason ?? "unknown reason", 200)}`
    const line = section(
      `${code(s.app)} (${code(s.region)}): ${followsText(s.follows)} · subscribed by <@${s.subscriberUserId}> ` +
        `${slackDate(s.createdAt, "{date_short_pretty}")}${s.notifierId !== null ? " · pushed" : ""}${state}`
    )
    if (!fitsInMessage([...lines, line])) break
    lines.push(line)
  }
  if (subscriptions.some((s) => s.pausedAt !== null)) {
    lines.push(context(`A paused subscription resumes when someone runs \`${command} subscribe <app>\` again.`))
  }
  return message(`This channel's subscriptions: ${subscriptions.map((s) => s.app).join(", ")}`, lines)
}

// == What a watching channel is told

/** Why a subscription paused, as stored and shown by `subscriptions`. */
export const PAUSE_REASONS = {
  deadLink: "the subscriber's Scalingo link no longer works",
  noLink: "the subscriber has no Scalingo account linked any more",
  noAccess: "the subscriber's account can no longer read the app (or it was deleted)",
  subscriberLeft: "the subscriber's Slack account was deactivated",
  slackRefused: (code: string) => `Slack refused to post here (${code})`
} as const

export const pausedNotice = (subscription: Subscription, reason: string, command: string): Message =>
  say(
    `:double_vertical_bar: The subscription to ${code(subscription.app)} is paused: ${plain(reason, 200)}.`,
    `Nothing more is posted until someone runs \`${command} subscribe ${subscription.app}\` here again.`
  )

const STATUS_EMOJI: Readonly<Record<string, string>> = {
  queued: ":hourglass_flowing_sand:",
  building: ":hammer:",
  pushing: ":package:",
  starting: ":rocket:",
  success: ":white_check_mark:"
}

const seconds = (d: Deployment): number | undefined => {
  if (d.duration !== undefined && d.duration > 0) return d.duration
  const from = Date.parse(d.created_at ?? "")
  const to = Date.parse(d.finished_at ?? "")
  return Number.isFinite(from) && Number.isFinite(to) && to >= from ? (to - from) / 1000 : undefined
}

/** One deployment's channel message, edited in place on each status change; the final one has the duration. */
export const deploymentMessage = (app: string, region: string, d: Deployment, finished: boolean): Message => {
  const status = d.status ?? "unknown"
  const emoji = STATUS_EMOJI[status] ?? (finished ? ":x:" : ":rocket:")
  const ref = deploymentCommit(d)
  const who = d.pusher?.username !== undefined ? ` by ${plain(withoutEmails(d.pusher.username))}` : ""
  const took = seconds(d)
  const end = !finished
    ? "…"
    : status === "success"
      ? `, deployed${took !== undefined ? ` in ${durationText(took)}` : ""}.`
      : `, failed${took !== undefined ? ` after ${durationText(took)}` : ""}; ` +
        "the build log's last lines are in the thread."
  const url = `${dashboardUrl(region, app)}/deploy/${encodeURIComponent(d.id)}`
  const said = deploymentStatusWords(status)
  const text = `${emoji} Deployment of ${code(app)} at ${ref}${who}: *${plain(said, 40)}*${end}`
  return message(`Deployment of ${app}: ${said}`, [
    section(text),
    context(`${trustedLink(url, "Deployment on the dashboard")} · ${code(region)}`)
  ])
}

export const deploymentLogMessage = (app: string, d: Deployment, log: string | undefined): Message => {
  const which = deploymentOf(app, d.git_ref)
  if (log === undefined) return say(`Scalingo has no build log for ${which}.`)
  const { tail, cut } = tailOf(log)
  return message(`Build log of ${app}`, [
    context(`${cut ? "The last lines of the" : "The"} build log of ${which}:`),
    section(codeBlock(withoutEmails(tail)))
  ])
}

/** More events than this in one read are grouped into one message. */
export const BURST = 5

/** Other events, compact: one line each, grouped in one message when there are more than a few. */
export const eventsMessage = (app: string, events: ReadonlyArray<ScalingoEvent>): Message => {
  if (events.length === 1) {
    const d = describeEvent(events[0]!)
    return message(withoutEmails(`${app}: ${d.title}`), [eventLine(events[0]!, true)])
  }
  const header = context(`:scroll: ${plural(events.length, "new event")} on ${code(app)}, oldest first`)
  const lines: Array<Block> = []
  for (const event of events) {
    const line = eventLine(event, false)
    if (!fitsInMessage([header, ...lines, line])) break
    lines.push(line)
  }
  const left = events.length - lines.length
  return message(`${events.length} new events on ${app}`, [
    header,
    ...lines,
    ...(left > 0 ? [context(`…and ${plural(left, "more event")}; \`events ${plain(app)}\` lists them all.`)] : [])
  ])
}
