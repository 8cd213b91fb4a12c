import { actions, button, context, header, type Message, message, section } from "../../blockKit/blocks.js"
import { code, durationText, link, plain, slackDate } from "../../blockKit/text.js"
import type { App } from "../../scalingo/schemas/app.js"
import type { ContainerType } from "../../scalingo/schemas/containers.js"
import type { Deployment } from "../../scalingo/schemas/deployment.js"
import { deploymentCommit } from "../../views/commit.js"
import { deploymentStatusWords } from "../../views/deploymentStatus.js"
import { dashboardUrl } from "../../views/links.js"
import { RUN_ACTION, runValue } from "../../runtime/references.js"

const STATUS: Readonly<Record<string, string>> = {
  running: ":large_green_circle:",
  crashed: ":red_circle:",
  stopped: ":white_circle:",
  new: ":new:",
  restarting: ":arrows_counterclockwise:",
  scaling: ":bar_chart:",
  booting: ":large_yellow_circle:"
}
export const statusEmoji = (status: string) => STATUS[status] ?? ":grey_question:"

export const deploymentEmoji = (status: string | undefined) =>
  status === "success"
    ? ":white_check_mark:"
    : status === undefined
      ? ":grey_question:"
      : /error|aborted|crash|timeout|fail/.test(status)
        ? ":x:"
        : ":hourglass_flowing_sand:"

const when = (iso: string | undefined) => {
  const date = iso === undefined ? undefined : new Date(iso)
  return date !== undefined && !Number.isNaN(date.getTime()) ? slackDate(date) : "at an unknown time"
}

/** "✅ success · `v1.2` by alice, yesterday at 10:02 (1m 12s)". Usernames only: it may be shown in a channel. */
export const deploymentLine = (d: Deployment): string => {
  const ref = deploymentCommit(d)
  const who = d.pusher?.username !== undefined ? ` by ${plain(d.pusher.username)}` : ""
  const took = d.duration !== undefined ? ` (${durationText(d.duration)})` : ""
  const status = plain(deploymentStatusWords(d.status ?? "unknown"))
  return `${deploymentEmoji(d.status)} ${status} · ${ref}${who}, ${when(d.created_at)}${took}`
}

export interface AppCard {
  readonly app: App
  readonly region: string
  readonly formation: ReadonlyArray<ContainerType>
  readonly lastDeployment: Deployment | undefined
}

/** The app card: where it stands, what runs, what was last deployed, and what to do next. */
export const infoMessage = ({ app, region, formation, lastDeployment }: AppCard): Message => {
  const status = `${statusEmoji(app.status)} *${plain(app.status)}* · region ${code(region)}`
  const url = app.url ? ` · ${link(app.url, app.url.replace(/^https?:\/\//, ""))}` : ""
  const running = formation.filter((t) => t.amount > 0)
  const containers =
    formation.length === 0
      ? "No containers yet (never deployed)."
      : formation.map((t) => `${code(t.name)}: ${t.amount} × ${plain(t.size ?? "?")}`).join(" · ") +
        (running.length === 0 ? " · *stopped*" : "")
  const shortcut = (text: string, subcommand: string, style?: "primary" | "danger") =>
    button({ actionId: RUN_ACTION, text, value: runValue(subcommand, app.name), ...(style ? { style } : {}) })
  return message(`${app.name}: ${app.status} in ${region}`, [
    header(app.name),
    section(`${status}${url}`),
    section(`*Formation*: ${containers}`),
    section(`*Last deployment*: ${lastDeployment === undefined ? "none yet" : deploymentLine(lastDeployment)}`),
    actions("app_card", [
      // A crashed app is looked at to be restarted: its Restart comes first.
      ...(app.status === "crashed" ? [shortcut("Restart", "restart", "danger")] : []),
      shortcut("Events", "events"),
      shortcut("Deployments", "deployments"),
      shortcut("Logs", "logs"),
      ...(app.status === "crashed" ? [] : [shortcut("Restart", "restart", "danger")]),
      shortcut("Scale", "scale"),
      shortcut(":star: Star", "star"),
      button({ actionId: "open_dashboard", text: "Dashboard", url: dashboardUrl(region, app.name) })
    ]),
    context("Buttons act with your own Scalingo account; changes ask you to confirm first.")
  ])
}
