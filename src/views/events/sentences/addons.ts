import type { AddonEventType, DatabaseEventType, EventOf } from "../../../scalingo/schemas/events/index.js"
import { addonActor, code, dateText, has, listOf, plain, rendering, type Sentences } from "./shared.js"

/** Addons and their databases. */

/** "Addon `res-id` (postgresql)", shorter when parts are missing; lower-case when not starting a sentence. */
const addon = (resource: string | undefined, provider: string | undefined, startsSentence = true) => {
  const text = has(resource)
    ? `Addon ${code(resource)}${has(provider) ? ` (${plain(provider)})` : ""}`
    : has(provider)
      ? `The ${plain(provider)} addon`
      : "An addon"
  return startsSentence ? text : text.charAt(0).toLowerCase() + text.slice(1)
}

const reasonSuffix = (reason: string | undefined) => (has(reason) ? ` (reason: ${plain(reason)})` : "")

const version = (v: string) => (/^v/i.test(v) ? plain(v) : `v${plain(v)}`)

const database = (name: string | undefined, resource?: string) =>
  has(resource)
    ? `database ${code(resource)}${has(name) ? ` (${plain(name)})` : ""}`
    : has(name)
      ? `the ${plain(name)} database`
      : "a database"

const BACKUP_METHODS: Record<string, string> = { periodic: "Periodic backup", manual: "Manual backup" }
const CONTINUOUS_STATUSES: Record<string, string> = { pgbackrest_error: "pgBackRest error", wal_error: "WAL error" }
const PLATFORM_EMAIL = "deploy@scalingo.com"

const backup = (e: EventOf<"database_backup_succeeded" | "database_backup_failed">, outcome: string) =>
  rendering(
    `${BACKUP_METHODS[e.type_data.backup_method ?? ""] ?? "Backup"} of ` +
      `${database(e.type_data.addon_name, e.type_data.resource_id)} ${outcome}`,
    {
      who: e.user?.email === PLATFORM_EMAIL ? "Scalingo Automated Backup Service" : undefined
    }
  )

type ContinuousBackupEvent = EventOf<
  "database_continuousbackup_healthy" | "database_continuousbackup_delayed" | "database_continuousbackup_stale"
>

const recovery = (e: ContinuousBackupEvent, state: string) => {
  const { addon_name, resource_id, status, error } = e.type_data
  if (e.type === "database_continuousbackup_healthy")
    return `Point-in-time recovery for ${database(addon_name, resource_id)} is ${state}`
  const problem = [
    has(status) ? (CONTINUOUS_STATUSES[status] ?? plain(status)) : undefined,
    has(error) ? plain(error, 200) : undefined
  ]
    .filter((part) => part !== undefined)
    .join(": ")
  const why = problem !== "" ? ` (${problem})` : ""
  return `Point-in-time recovery for ${database(addon_name, resource_id)} is ${state}${why}`
}

const maintenanceWindow = (next: string | undefined, hours: number | undefined) => {
  const at = dateText(next)
  const length = hours !== undefined && hours > 0 ? `${hours}-hour window` : undefined
  if (at !== undefined) return ` for ${at}${length !== undefined ? ` (${length})` : ""}`
  return length !== undefined ? ` (${length})` : ""
}

const feature = (name: string | undefined) => (has(name) ? `Feature ${code(name)}` : "A feature")

export const addonSentences: Sentences<AddonEventType> = {
  new_addon: ({ type_data: t }) =>
    `${addon(t.resource_id, t.addon_provider_name)} added${has(t.plan_name) ? ` on plan ${code(t.plan_name)}` : ""}`,
  upgrade_addon: ({ type_data: t }) => {
    const to = t.new_plan_name ?? t.plan_name
    const change = has(to) ? `${has(t.old_plan_name) ? ` from ${code(t.old_plan_name)}` : ""} to ${code(to)}` : ""
    return `${addon(t.resource_id, t.addon_provider_name)} plan changed${change}`
  },
  delete_addon: ({ type_data: t }) => `${addon(t.resource_id, t.addon_provider_name)} removed`,
  resume_addon: ({ type_data: t }) => `${addon(t.resource_id, t.addon_provider_name)} resumed`,
  suspend_addon: ({ type_data: t }) =>
    `${addon(t.resource_id, t.addon_provider_name)} suspended${reasonSuffix(t.reason)}`,
  addon_updated: ({ type_data: t }) => {
    const [from, to] = t.status ?? []
    const status = has(from) && has(to) ? `: status ${plain(from)} → ${plain(to)}` : ""
    const changed =
      t.attributes_changed !== undefined && t.attributes_changed.length > 0
        ? `${status === "" ? ":" : ";"} ${listOf(t.attributes_changed)} changed`
        : ""
    return `${addon(t.addon_resource_id, t.addon_provider_name)} updated${status}${changed}`
  },
  new_addon_log_drain: ({ type_data: t }) =>
    `Log drain added to ${has(t.addon_name) ? `the ${code(t.addon_name)} addon` : "an addon"}`,
  delete_addon_log_drain: ({ type_data: t }) =>
    `Log drain removed from ${has(t.addon_name) ? `the ${code(t.addon_name)} addon` : "an addon"}`
}

export const databaseSentences: Sentences<DatabaseEventType> = {
  upgrade_database: ({ type_data: t }) => {
    const from = has(t.old_version) ? ` from ${version(t.old_version)}` : ""
    const versions = `${from}${has(t.new_version) ? ` to ${version(t.new_version)}` : ""}`
    const subject = has(t.addon_name) ? `${plain(t.addon_name)} database` : "Database"
    return rendering(`${subject} upgraded${versions}`, { who: addonActor(t.addon_name) })
  },
  "database/add_feature": ({ type_data: t }) =>
    `${feature(t.feature)} enabled on ${addon(t.addon_uuid, t.addon_provider_name, false)}`,
  "database/remove_feature": ({ type_data: t }) =>
    `${feature(t.feature)} disabled on ${addon(t.addon_uuid, t.addon_provider_name, false)}`,
  database_backup_succeeded: (e) => backup(e, "succeeded"),
  database_backup_failed: (e) => backup(e, "failed"),
  database_continuousbackup_healthy: (e) => recovery(e, "healthy"),
  database_continuousbackup_delayed: (e) => recovery(e, "delayed"),
  database_continuousbackup_stale: (e) => recovery(e, "stale"),
  plan_database_maintenance: ({ type_data: t }) =>
    `Maintenance scheduled on ${database(t.addon_name)}` +
    maintenanceWindow(t.next_maintenance_window, t.maintenance_window_in_hours),
  start_database_maintenance: ({ type_data: t }) => `Maintenance started on ${database(t.addon_name)}`,
  complete_database_maintenance: ({ type_data: t }) => `Maintenance completed on ${database(t.addon_name)}`
}
