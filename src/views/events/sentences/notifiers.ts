import type { NotifierEventType } from "../../../scalingo/schemas/events/index.js"
import { code, has, plain, type Sentences } from "./shared.js"

/** Log drains, notifiers, alerts and autoscalers. Drain URLs and notifier settings are never shown. */

const PLATFORMS: Record<string, string> = {
  email: "E-mail",
  rocker_chat: "Rocket.Chat",
  rocket_chat: "Rocket.Chat",
  slack: "Slack",
  webhook: "Webhook"
}
const METRICS: Record<string, string> = {
  cpu: "CPU",
  memory: "memory",
  swap: "swap",
  rpm: "requests per minute",
  rpm_per_container: "requests per minute per container",
  p95_response_time: "95th-percentile response time",
  "5XX": "5xx responses"
}

const metric = (name: string | undefined) => (has(name) ? (METRICS[name] ?? plain(name)) : "usage")

const notifier = (t: { notifier_name?: string | undefined; platform_name?: string | undefined }) => {
  const platform = has(t.platform_name)
    ? `${PLATFORMS[t.platform_name] ?? plain(t.platform_name)} notifier`
    : "Notifier"
  return has(t.notifier_name) ? `${platform} ${code(t.notifier_name)}` : platform
}

/** ", sending all events" / ", sending 3 kinds of events", ", inactive". */
const notifierSettings = (t: {
  active?: boolean | undefined
  send_all_events?: boolean | undefined
  selected_events?: ReadonlyArray<string> | undefined
}) => {
  const events =
    t.send_all_events === true
      ? "sending all events"
      : t.selected_events !== undefined && t.selected_events.length > 0
        ? `sending ${t.selected_events.length} kind${t.selected_events.length === 1 ? "" : "s"} of events`
        : undefined
  return [events, t.active === false ? "inactive" : undefined]
    .filter(has)
    .map((part) => `, ${part}`)
    .join("")
}

const container = (type: string | undefined) => (has(type) ? `on ${code(type)}` : "")

const threshold = (limitText: string | undefined, limit: number | undefined) =>
  has(limitText) ? plain(limitText) : limit !== undefined ? String(limit) : undefined

/** ": CPU target 75%, 1 to 5 containers". */
const autoscaling = (t: {
  metric?: string | undefined
  target_text?: string | undefined
  target?: number | undefined
  min_containers?: number | undefined
  max_containers?: number | undefined
}) => {
  const target = threshold(t.target_text, t.target)
  const parts = [
    target !== undefined ? `${metric(t.metric)} target ${target}` : has(t.metric) ? metric(t.metric) : undefined,
    t.min_containers !== undefined && t.max_containers !== undefined
      ? `${t.min_containers} to ${t.max_containers} containers`
      : undefined
  ].filter(has)
  return parts.length > 0 ? `: ${parts.join(", ")}` : ""
}

const subject = (metricName: string | undefined, containerType: string | undefined) =>
  [metric(metricName), container(containerType)].filter((part) => part !== "").join(" ")

export const notifierSentences: Sentences<NotifierEventType> = {
  new_log_drain: ({ type_data: t }) =>
    `Log drain added${has(t.addon_name) ? ` for addon ${code(t.addon_name)}` : " to the app"}`,
  delete_log_drain: ({ type_data: t }) =>
    `Log drain removed${has(t.addon_name) ? ` for addon ${code(t.addon_name)}` : " from the app"}`,
  new_notifier: ({ type_data: t }) => `${notifier(t)} created${notifierSettings(t)}`,
  edit_notifier: ({ type_data: t }) => `${notifier(t)} updated${notifierSettings(t)}`,
  delete_notifier: ({ type_data: t }) => `${notifier(t)} deleted`,
  new_alert: ({ type_data: t }) => {
    const limit = threshold(t.limit_text, t.limit)
    const when = limit === undefined ? "" : ` ${t.send_when_below === true ? "below" : "above"} ${limit}`
    return `Alert created: ${subject(t.metric, t.container_type)}${when}`
  },
  alert: ({ type_data: t }) => {
    const limit = threshold(t.limit_text, t.limit)
    const value = threshold(t.value_text, t.value)
    const side = t.send_when_below === true ? "below" : "above"
    const crossing =
      limit === undefined ? "" : t.activated === false ? ` is no longer ${side} ${limit}` : ` went ${side} ${limit}`
    const head = t.activated === false ? "Alert resolved" : "Alert triggered"
    return `${head}: ${subject(t.metric, t.sender_name)}${crossing}${value === undefined ? "" : ` (now ${value})`}`
  },
  delete_alert: ({ type_data: t }) => `Alert deleted: ${subject(t.metric, t.container_type)}`,
  new_autoscaler: ({ type_data: t }) =>
    `Autoscaler created${has(t.container_type) ? ` for ${code(t.container_type)}` : ""}${autoscaling(t)}`,
  edit_autoscaler: ({ type_data: t }) =>
    `Autoscaler${has(t.container_type) ? ` for ${code(t.container_type)}` : ""} updated${autoscaling(t)}`,
  delete_autoscaler: ({ type_data: t }) =>
    `Autoscaler${has(t.container_type) ? ` for ${code(t.container_type)}` : ""} deleted` +
    (has(t.metric) ? ` (${metric(t.metric)})` : "")
}
