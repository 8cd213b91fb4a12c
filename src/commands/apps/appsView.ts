import type { App } from "../../scalingo/schemas/app.js"
import type { Region } from "../../scalingo/schemas/region.js"
import {
  actions,
  type Block,
  button,
  context,
  type Message,
  message,
  overflow,
  section
} from "../../blockKit/blocks.js"
import { plain, slackDate, trustedLink } from "../../blockKit/text.js"
import { jsonCodec, PageNumber } from "../../runtime/codecs.js"
import { NEXT_PAGE, PREVIOUS_PAGE } from "../events/eventsView.js"
import { RUN_ACTION, retryBlocks, runValue } from "../../runtime/references.js"
import { dashboardUrl } from "../../views/links.js"

/** One region's answer to "list my apps": its apps, or why it could not be read. */
export type RegionApps =
  | { readonly region: Region; readonly apps: ReadonlyArray<App> }
  | { readonly region: Region; readonly problem: string }

export const APPS_PAGE_ACTION = "apps_page"
/** One section per app (with its menu) and a context per region stay within Slack's 50 blocks. */
export const APPS_PER_PAGE = 35

/** The page a Previous/Next button leads to. */
export const AppsPage = jsonCodec(PageNumber, 10)

const statusIcons: Record<string, string> = {
  running: ":large_green_circle:",
  crashed: ":red_circle:",
  stopped: ":white_circle:",
  new: ":new:",
  restarting: ":large_yellow_circle:",
  scaling: ":large_yellow_circle:",
  booting: ":large_yellow_circle:"
}
// Broken apps first, so a glance finds them.
const statusRank = (status: string) =>
  status === "crashed" ? 0 : status === "stopped" ? 1 : status === "running" ? 3 : 2

const by = (who: string | null | undefined) => (who ? ` by ${plain(who)}` : "")

/** Each app's menu: what people do next with it, run with their own account. */
const appMenu = (app: string) =>
  overflow(
    RUN_ACTION,
    [
      ["Info", "info"],
      ["Events", "events"],
      ["Deployments", "deployments"],
      ["Logs", "logs"],
      ["Restart…", "restart"],
      ["Star", "star"]
    ].map(([text, subcommand]) => ({ text: text!, value: runValue(subcommand!, app) }))
  )

const appLine = (region: string, app: App): string => {
  const status = app.status || "unknown"
  const icon = statusIcons[status] ?? ":grey_question:"
  const deployedAt = app.last_deployed_at ? new Date(app.last_deployed_at) : undefined
  const deploy =
    deployedAt !== undefined && !Number.isNaN(deployedAt.getTime())
      ? `deployed ${slackDate(deployedAt, "{date_short_pretty}")}${by(app.last_deployed_by)}`
      : "never deployed"
  return `${icon} *${trustedLink(dashboardUrl(region, app.name), app.name)}* · ${plain(status)} · ${deploy}`
}

const regionTitle = (region: Region) => `*${plain(region.display_name || region.name)}* (\`${plain(region.name)}\`)`

/** Counts by status, in the order that matters: "12 apps: 1 crashed, 1 stopped, 10 running". */
const summary = (apps: ReadonlyArray<App>): string => {
  const counts = new Map<string, number>()
  for (const app of apps) counts.set(app.status || "unknown", (counts.get(app.status || "unknown") ?? 0) + 1)
  const parts = [...counts.entries()]
    .sort(([a], [b]) => statusRank(a) - statusRank(b) || a.localeCompare(b))
    .map(([s, n]) => `${n} ${plain(s)}`)
  return `${apps.length} app${apps.length === 1 ? "" : "s"}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`
}

/**
 * The apps answer, page `page` (1-based) of at most APPS_PER_PAGE apps. Every app appears on
 * exactly one page; regions that failed are named on every page.
 */
export const appsMessage = (results: ReadonlyArray<RegionApps>, page: number): Message => {
  const listed = results.flatMap((r) =>
    "apps" in r
      ? [...r.apps]
          .sort((a, b) => statusRank(a.status) - statusRank(b.status) || a.name.localeCompare(b.name))
          .map((app) => ({ region: r.region, app }))
      : []
  )
  const failed = results.filter((r): r is Extract<RegionApps, { problem: string }> => "problem" in r)
  const pages = Math.max(1, Math.ceil(listed.length / APPS_PER_PAGE))
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages)
  const slice = listed.slice((current - 1) * APPS_PER_PAGE, current * APPS_PER_PAGE)

  const rows: Array<Block> = []
  let lastRegion: string | undefined
  for (const { region, app } of slice) {
    if (region.name !== lastRegion) {
      const all = results.find((r) => r.region.name === region.name)
      const count = all !== undefined && "apps" in all ? summary(all.apps) : ""
      rows.push(context(`${regionTitle(region)} · ${count}`))
      lastRegion = region.name
    }
    rows.push(section(appLine(region.name, app), appMenu(app.name)))
  }
  const allApps = results.flatMap((r) => ("apps" in r ? r.apps : []))
  const readRegions = results.length - failed.length
  if (failed.length > 0 && readRegions === 0) return unreadMessage(failed)
  const headline =
    allApps.length === 0 && failed.length === 0
      ? "You have no apps on Scalingo yet. Create one with the `create` command."
      : `*Your Scalingo apps*: ${summary(allApps)}, in ${readRegions} region${readRegions === 1 ? "" : "s"}.`

  // A failure leads: whoever reads the list knows first that it may be incomplete.
  const blocks = [
    ...failed.map((r) =>
      section(`:warning: Could not read ${regionTitle(r.region)}: ${r.problem} The list below may be incomplete.`)
    ),
    section(headline),
    ...rows,
    ...(pages > 1
      ? [
          context(`Page ${current} of ${pages} · ${listed.length} apps`),
          actions("apps_pages", [
            ...(current > 1
              ? [button({ actionId: APPS_PAGE_ACTION, text: PREVIOUS_PAGE, value: AppsPage.encode(current - 1) })]
              : []),
            ...(current < pages
              ? [button({ actionId: APPS_PAGE_ACTION, text: NEXT_PAGE, value: AppsPage.encode(current + 1) })]
              : [])
          ])
        ]
      : []),
    ...(failed.length > 0 ? retryBlocks("apps") : [])
  ]
  return message(`Your Scalingo apps: ${summary(allApps)}`, blocks)
}

/** No region could be read: the failure alone, first, with a Retry (never "0 apps, in 0 regions"). */
const unreadMessage = (failed: ReadonlyArray<Extract<RegionApps, { problem: string }>>): Message => {
  const problems = [...new Set(failed.map((r) => r.problem))]
  const lines =
    problems.length === 1
      ? [section(`:warning: Could not read your apps: ${problems[0]}`)]
      : [
          section(":warning: Could not read your apps."),
          ...failed.map((r) => context(`${regionTitle(r.region)}: ${r.problem}`))
        ]
  return message("Could not read your Scalingo apps", [...lines, ...retryBlocks("apps")])
}
