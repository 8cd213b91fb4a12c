import { eventVariant } from "./base.js"
import { Bool, Num, Text, TextList } from "./lenient.js"

/** Where the app reports: log drains, notifiers, alerts and autoscalers. */

/** The drain URL may embed credentials: it is decoded for completeness but never shown. */
const LogDrain = { url: Text, addon_uuid: Text, addon_name: Text }
/** `notifier_type_data` (webhook URLs, e-mails) is deliberately not decoded. */
const Notifier = {
  notifier_name: Text,
  active: Bool,
  send_all_events: Bool,
  selected_events: TextList,
  notifier_type: Text,
  /** email, rocker_chat [sic], slack, webhook */
  platform_name: Text
}
const AlertRule = { container_type: Text, metric: Text, limit: Num, limit_text: Text, send_when_below: Bool }
/** Go reads min/max as JSON strings (`,string`); other sources send numbers. Num reads both. */
const Autoscaler = {
  container_type: Text,
  min_containers: Num,
  max_containers: Num,
  metric: Text,
  target: Num,
  target_text: Text
}

export const NewLogDrain = eventVariant("new_log_drain", LogDrain)
export const DeleteLogDrain = eventVariant("delete_log_drain", LogDrain)
export const NewNotifier = eventVariant("new_notifier", Notifier)
export const EditNotifier = eventVariant("edit_notifier", Notifier)
export const DeleteNotifier = eventVariant("delete_notifier", Notifier)
export const NewAlert = eventVariant("new_alert", AlertRule)
export const Alert = eventVariant("alert", {
  sender_name: Text,
  metric: Text,
  limit: Num,
  limit_text: Text,
  value: Num,
  value_text: Text,
  activated: Bool,
  send_when_below: Bool,
  raw_limit: Num,
  raw_value: Num
})
export const DeleteAlert = eventVariant("delete_alert", { container_type: Text, metric: Text })
export const NewAutoscaler = eventVariant("new_autoscaler", Autoscaler)
export const EditAutoscaler = eventVariant("edit_autoscaler", Autoscaler)
export const DeleteAutoscaler = eventVariant("delete_autoscaler", { container_type: Text, metric: Text })

export const NotifierEvents = [
  NewLogDrain,
  DeleteLogDrain,
  NewNotifier,
  EditNotifier,
  DeleteNotifier,
  NewAlert,
  Alert,
  DeleteAlert,
  NewAutoscaler,
  EditAutoscaler,
  DeleteAutoscaler
] as const
export type NotifierEventType = (typeof NotifierEvents)[number]["Type"]["type"]
