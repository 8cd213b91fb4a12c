import { shortCommit } from "../../../blockKit/text.js"
import type { AppEventType, ContainerFormation } from "../../../scalingo/schemas/events/index.js"
import {
  addonActor,
  code,
  durationText,
  has,
  linkTo,
  listOf,
  personName,
  plain,
  rendering,
  type Sentences
} from "./shared.js"

const RESTART_REASONS: Record<string, string> = {
  user_restart: " on request",
  unexpected_failure: " after an unexpected failure",
  rebalancing_operation: " during an infrastructure rebalancing",
  security_maintenance: " for scheduled security maintenance"
}

const DEPLOYMENT_OUTCOMES: Record<string, string> = {
  success: "succeeded",
  "build-error": "failed to build",
  "crashed-error": "crashed on start",
  "timeout-error": "timed out while starting",
  "hook-error": "failed in a deployment hook",
  aborted: "was aborted",
  queued: "is queued",
  building: "is building",
  pushing: "is pushing its image",
  starting: "is starting"
}

type Formation = Readonly<Record<string, ContainerFormation>>

/** One container type: "web 1 → 2", "web 2 (size M → L)", "worker 0 → 1"; a type missing on one side had 0. */
const formationLine = (type: string, old: ContainerFormation | undefined, now: ContainerFormation | undefined) => {
  const [before, after] = [old?.amount ?? 0, now?.amount ?? 0]
  const [oldSize, newSize] = [old?.size, now?.size]
  const sizeChanged = oldSize !== undefined && newSize !== undefined && oldSize !== newSize
  const size = sizeChanged
    ? ` (size ${plain(oldSize)} → ${plain(newSize)})`
    : (newSize ?? oldSize) !== undefined
      ? ` (size ${plain((newSize ?? oldSize)!)})`
      : ""
  return {
    text: `${plain(type)} ${before === after ? after : `${before} → ${after}`}${size}`,
    changed: before !== after || sizeChanged
  }
}

/** The changed container types (all of them when none changed); just the new formation when the old one is unknown. */
const formationChanges = (before: Formation | undefined, after: Formation | undefined): Array<string> => {
  if (before === undefined) return Object.entries(after ?? {}).map(([type, now]) => formationLine(type, now, now).text)
  const types = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before)])]
  const lines = types.map((type) => formationLine(type, before[type], after?.[type]))
  const changed = lines.filter((line) => line.changed)
  return (changed.length > 0 ? changed : lines).map((line) => line.text)
}

const appNamed = (name: string | undefined) => (has(name) ? `App ${code(name)}` : "The app")

const fromSource = (source: string | undefined) =>
  has(source) && !source.startsWith("<") ? ` from ${code(source)}` : ""
const reviewApp = (name: string | undefined) => `Review app${has(name) ? ` ${code(name)}` : ""}`

export const appSentences: Sentences<AppEventType> = {
  new_app: (e) => `${appNamed(e.app_name)} created${fromSource(e.type_data.git_source)}`,
  edit_app: (e) =>
    e.type_data.force_https === undefined
      ? "App settings updated"
      : `App settings updated: Force HTTPS ${e.type_data.force_https ? "enabled" : "disabled"}`,
  delete_app: (e) => `${appNamed(e.app_name)} deleted`,
  rename_app: ({ type_data: { old_name, new_name } }) =>
    has(new_name) ? `App renamed ${has(old_name) ? `from ${code(old_name)} ` : ""}to ${code(new_name)}` : "App renamed",
  update_app_project: ({ type_data: { old_project_name, new_project_name } }) =>
    has(new_project_name)
      ? `App moved ${has(old_project_name) ? `from project ${code(old_project_name)} ` : ""}` +
        `to project ${code(new_project_name)}`
      : "App moved to another project",
  transfer_app: ({ type_data: { old_owner, new_owner } }) => {
    const to = personName(new_owner)
    const from = personName(old_owner)
    return to === undefined
      ? "App ownership transferred"
      : `App transferred ${from === undefined ? "" : `from ${from} `}to ${to}`
  },
  restart: ({ type_data: { scope, reason, addon_name, addon_provider } }) => {
    const which = scope !== undefined && scope.length > 0 ? `${listOf(scope)} containers` : "All containers"
    const why = has(reason) ? (RESTART_REASONS[reason] ?? ` (reason: ${plain(reason)})`) : ""
    return rendering(`${which} restarted${why}`, { who: addonActor(addon_name ?? addon_provider) })
  },
  scale: ({ type_data: { previous_containers, containers } }) => {
    const changes = formationChanges(previous_containers, containers)
    const more = changes.length > 12 ? ` and ${changes.length - 12} more` : ""
    return changes.length > 0 ? `Containers scaled: ${changes.slice(0, 12).join(", ")}${more}` : "Containers scaled"
  },
  stop_app: ({ type_data: { reason } }) => `App stopped${has(reason) ? ` (reason: ${plain(reason)})` : ""}`,
  crash: ({ type_data: { container_type, logs_url } }) =>
    rendering(has(container_type) ? `A ${code(container_type)} container crashed` : "A container crashed", {
      link: linkTo("Crash logs", logs_url)
    }),
  repeated_crash: ({ type_data: { container_type, logs_url } }) =>
    rendering(has(container_type) ? `${code(container_type)} containers keep crashing` : "Containers keep crashing", {
      link: linkTo("Crash logs", logs_url)
    }),
  deployment: (e) => {
    const { git_ref, status, duration, pusher, deployment_type, git_ref_url } = e.type_data
    const what = has(git_ref)
      ? `Deployment of ${code(shortCommit(git_ref))}`
      : deployment_type === "archive"
        ? "Deployment of an archive"
        : "Deployment"
    const outcome = has(status) ? ` ${DEPLOYMENT_OUTCOMES[status] ?? `ended with status ${code(status)}`}` : ""
    const took = duration !== undefined && duration > 0 ? ` in ${durationText(duration)}` : ""
    const by = has(pusher) && pusher !== e.user?.username ? ` (pushed by ${plain(pusher)})` : ""
    return rendering(`${what}${outcome}${took}${by}`, { link: linkTo("Commit", git_ref_url) })
  },
  run: (e) => {
    const { command, detached } = e.type_data
    const container = detached === true ? "Detached one-off container" : "One-off container"
    const sentence = has(command)
      ? `${container} started: ${code(command, 200)}`
      : `${container} started for maintenance or support`
    return rendering(sentence, { who: e.user?.email === "deploy@scalingo.com" ? "Scalingo Operator" : undefined })
  },
  stack_changed: ({ type_data: { previous_stack_name, current_stack_name } }) =>
    has(current_stack_name)
      ? `Stack changed ${has(previous_stack_name) ? `from ${code(previous_stack_name)} ` : ""}` +
        `to ${code(current_stack_name)}`
      : "Stack changed",
  start_region_migration: ({ type_data: { source, destination, dst_app_name } }) =>
    `Region migration started${has(source) ? ` from ${code(source)}` : ""}` +
    `${has(destination) ? ` to ${code(destination)}` : ""}` +
    `${has(dst_app_name) ? ` (new app ${code(dst_app_name)})` : ""}`,
  create_review_app: ({ type_data: t }) =>
    rendering(`${reviewApp(t.review_app_name)} created${pullRequest(t.pr_number, t.pr_name, (pr) => ` for ${pr}`)}`, {
      link: linkTo("Review app", t.review_app_url) ?? linkTo("Pull request", t.pr_url)
    }),
  destroy_review_app: ({ type_data: t }) =>
    rendering(`${reviewApp(t.review_app_name)} deleted${pullRequest(t.pr_number, t.pr_name, (pr) => ` (${pr})`)}`, {
      link: linkTo("Pull request", t.pr_url)
    })
}

/** "pull request #3 “Update the name”" placed by `place`, or nothing when the event names no pull request. */
const pullRequest = (number: number | undefined, name: string | undefined, place: (text: string) => string): string => {
  if (number === undefined && !has(name)) return ""
  const title = has(name) ? ` “${plain(name)}”` : ""
  return place(`pull request${number === undefined ? "" : ` #${number}`}${title}`)
}
