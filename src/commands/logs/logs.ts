import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { context, message, say, section } from "../../blockKit/blocks.js"
import { code, codeBlock, trustedLink } from "../../blockKit/text.js"
import { ContainersApi } from "../../scalingo/ContainersApi.js"
import {
  isContainerName,
  isOneOff,
  namesInFormation,
  ROUTER,
  unknownContainersSentence
} from "../../scalingo/containerNames.js"
import { LogsApi, MAX_LOG_LINES } from "../../scalingo/LogsApi.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { show } from "../../runtime/replies/Replies.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { tailOf } from "../../views/logTail.js"

export const DEFAULT_LINES = 50

/** `[lines] [filter]` in either order: a number is the count, a word the container type or container. */
const parseArgs = (words: ReadonlyArray<string>) => {
  let lines = DEFAULT_LINES
  let filter: string | undefined
  const problems: Array<string> = []
  for (const word of words) {
    if (/^\d+$/.test(word)) {
      const n = Number(word)
      if (n < 1 || n > MAX_LOG_LINES) problems.push(`Ask for 1 to ${MAX_LOG_LINES} lines, not ${code(word)}.`)
      else lines = n
    } else if (isContainerName(word) && filter === undefined) filter = word
    else problems.push(`${code(word)} is not a number of lines nor a container type (\`web\`, \`web-1\`, \`router\`).`)
  }
  return { lines, filter, problems }
}

/** A filter no formation lists, so one that needs no formation read: the router or a one-off. */
const beyondFormation = (filter: string) => filter === ROUTER || isOneOff(filter)

/** Scalingo's log timestamps carry nanoseconds; people read them to the second. */
const toTheSecond = (text: string): string => text.replace(/^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)\.\d+/gm, "$1")

/** Slack's link that opens a conversation (here the bot's DM with the person) in their client. */
const directMessageUrl = (channel: string, teamId: string): string =>
  `https://slack.com/app_redirect?channel=${encodeURIComponent(channel)}&team=${encodeURIComponent(teamId)}`

/**
 * `logs <app> [lines] [filter]`: the app's last lines, sent to the person in a direct message from the
 * bot (as a file when they are long), never to the channel. The logs URL Scalingo hands out carries a
 * token: it stays inside the Scalingo client and never reaches Slack or a log.
 */
export const logs = fn("Logs.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const directory = yield* AppDirectory
  const containers = yield* ContainersApi
  const logsApi = yield* LogsApi
  const [app = "", ...rest] = args
  const { lines, filter, problems } = parseArgs(rest)
  if (problems.length > 0) return Reply.Private({ message: say(problems.join("\n")) })
  const read = yield* accounts.actingAs(invocation.person, ({ account }) =>
    Effect.gen(function* () {
      const { region } = yield* directory.find(account, app)
      // The formation is read only to check a filter naming a container type: without one (or for the
      // router or a one-off), a `logs` costs two requests (the logs URL, then the lines).
      const needsTypes = filter !== undefined && !beyondFormation(filter)
      const [formation, text] = yield* Effect.all(
        [
          needsTypes ? containers.formation(account, region, app) : Effect.succeed([]),
          logsApi.lastLines(account, region, app, { lines, ...(filter ? { filter } : {}) })
        ],
        { concurrency: "unbounded" }
      )
      return { region, types: formation.map((t) => t.name), text }
    })
  )
  if (filter !== undefined && !beyondFormation(filter) && !namesInFormation(filter, read.types)) {
    return Reply.Private({ message: say(unknownContainersSentence(app, [filter], read.types, "containers")) })
  }
  const what = `the last ${lines} lines of ${code(app)}${filter ? ` (${code(filter)})` : ""}`
  const body = toTheSecond(read.text.trim())
  const { tail, cut } = tailOf(body, lines)
  // Once: the lines in the message when they fit, otherwise the file alone (never both).
  const dm = Reply.DirectMessage({
    message:
      body === ""
        ? say(`No log lines for ${code(app)}${filter ? ` (${code(filter)})` : ""} right now.`)
        : cut
          ? say(`Here are ${what}, in the attached file (too long for a message).`)
          : message(`Logs of ${app}`, [context(`Here are ${what}.`), section(codeBlock(tail))]),
    ...(cut && body !== "" ? { file: { filename: `${app}-logs.txt`, title: `Logs of ${app}`, content: body } } : {})
  })
  const sent = yield* show(dm).pipe(Effect.either)
  if (sent._tag === "Left") {
    return Reply.Private({
      message: say(
        `:warning: I could not send you a direct message (${code(sent.left.code)}), so the logs were not sent.`
      )
    })
  }
  const inTheDm =
    sent.right.channel !== undefined
      ? trustedLink(directMessageUrl(sent.right.channel, invocation.person.teamId), "a direct message")
      : "a direct message"
  return Reply.Private({ message: say(`:mailbox_with_mail: Sent ${what} to you in ${inTheDm}.`) })
})
