import { type Block, section } from "../../blockKit/blocks.js"
import { code, link, plain, slackDate } from "../../blockKit/text.js"
import type { ScalingoEvent } from "../../scalingo/schemas/events/index.js"
import { withoutEmails } from "../channelSafe.js"
import { describeEvent } from "./describeEvent.js"
import { eventEmoji } from "./eventKinds.js"

/**
 * One event on one line: what (with an emoji per kind), who, when, and its link, whose text names the
 * host it leads to. Posted to a channel, so people are named by username only.
 */
export const eventLine = (event: ScalingoEvent, showApp: boolean): Block => {
  const d = describeEvent(event)
  const when = d.at !== undefined && !Number.isNaN(d.at.getTime()) ? slackDate(d.at) : "at an unknown time"
  const where = showApp && d.appName !== undefined ? ` on ${code(d.appName)}` : ""
  const more = d.link !== undefined ? ` · ${link(d.link.url, d.link.label)}` : ""
  const who = plain(withoutEmails(d.who))
  return section(
    withoutEmails(`${eventEmoji(event)} *${plain(d.title)}*${where}: ${d.sentence} — _${who}, ${when}_${more}`)
  )
}
