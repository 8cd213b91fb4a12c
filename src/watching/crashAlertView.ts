// The crash alert, an incident card: what crashed and why, the last lines of its crash log (made
// channel-safe), the full logs to the clicker's DM, and Restart until someone sends one through it.
import { actions, button, context, type Message, message, section } from "../blockKit/blocks.js"
import { code, codeBlock, plain, slackDate } from "../blockKit/text.js"
import { RUN_ACTION, runValue } from "../runtime/references.js"
import type { ScalingoEvent } from "../scalingo/schemas/events/index.js"
import { withoutEmails, withoutSecrets } from "../views/channelSafe.js"
import { describeEvent } from "../views/events/describeEvent.js"
import { dashboardUrl } from "../views/links.js"

/** At most this many of the crash log's last lines, each cut to this many characters. */
export const CRASH_LOG_LINES = 5
const CRASH_LOG_LINE_CHARS = 160

/** Who sent a restart through the alert, and when. */
export interface RestartedThrough {
  readonly userId: string
  readonly at: Date
}

/** The crash log's last few non-empty lines, cut short and with anything that looks secret hidden. */
export const crashLogExcerpt = (event: ScalingoEvent): ReadonlyArray<string> => {
  const logs = (event.type_data as { crash_logs?: unknown } | undefined)?.crash_logs
  if (typeof logs !== "string") return []
  const lines = logs
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0)
  return lines
    .slice(-CRASH_LOG_LINES)
    .map((line) =>
      withoutSecrets(line.length > CRASH_LOG_LINE_CHARS ? `${line.slice(0, CRASH_LOG_LINE_CHARS)}…` : line)
    )
}

/** A crash: what crashed, the app's state, the crash log's tail; Logs (to the clicker's DM) and Restart. */
export const crashAlertMessage = (
  app: string,
  region: string,
  event: ScalingoEvent,
  status?: string,
  restarted?: RestartedThrough
): Message => {
  const d = describeEvent(event)
  const state = status !== undefined ? ` The app is *${plain(status, 40)}*.` : ""
  const excerpt = crashLogExcerpt(event)
  const logsButton = button({ actionId: RUN_ACTION, text: "Logs", value: runValue("logs", app) })
  const dashboard = button({ actionId: "open_dashboard", text: "Dashboard", url: dashboardUrl(region, app) })
  return message(`${app} crashed`, [
    section(`:boom: *${code(app)} crashed*: ${withoutEmails(d.sentence)}.${state}`),
    section(
      excerpt.length > 0
        ? `The crash log's last lines:\n${codeBlock(excerpt.join("\n"), 1_000)}`
        : "Scalingo gave no crash log. *Logs* sends you the app's latest lines.",
      logsButton
    ),
    actions(`crash_${event.id.slice(0, 40)}`, [
      ...(restarted === undefined
        ? [button({ actionId: RUN_ACTION, text: "Restart", value: runValue("restart", app), style: "danger" })]
        : []),
      dashboard
    ]),
    context(
      restarted !== undefined
        ? `:arrows_counterclockwise: <@${restarted.userId}> sent a restart ${slackDate(restarted.at)}.`
        : `${d.at !== undefined ? `${slackDate(d.at)} · ` : ""}` +
            "Restart asks you to confirm and acts with your own account; Logs go to your direct messages."
    )
  ])
}
