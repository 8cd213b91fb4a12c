import { eventVariant } from "./base.js"
import { Bool, Num, Text } from "./lenient.js"

/** Database addon events: versions, features, backups, point-in-time recovery, maintenance. */

const Feature = { feature: Text, addon_provider_id: Text, addon_provider_name: Text, addon_uuid: Text, remote_ip: Text }
const Backup = {
  addon_name: Text,
  resource_id: Text,
  addon_uuid: Text,
  backup_id: Text,
  backup_status: Text,
  /** periodic | manual */
  backup_method: Text,
  started_at: Text,
  ended_at: Text,
  remote_ip: Text
}
const ContinuousBackup = {
  addon_name: Text,
  resource_id: Text,
  addon_uuid: Text,
  /** e.g. pgbackrest_error, wal_error */
  status: Text,
  error: Text,
  recoverable: Bool,
  checked_at: Text,
  unrecoverable_duration_seconds: Num,
  remote_ip: Text
}
const Maintenance = {
  addon_name: Text,
  maintenance_id: Text,
  maintenance_type: Text,
  maintenance_window_in_hours: Num,
  next_maintenance_window: Text
}

export const UpgradeDatabase = eventVariant("upgrade_database", {
  addon_name: Text,
  old_version: Text,
  new_version: Text
})
export const DatabaseAddFeature = eventVariant("database/add_feature", Feature)
export const DatabaseRemoveFeature = eventVariant("database/remove_feature", Feature)
export const DatabaseBackupSucceeded = eventVariant("database_backup_succeeded", Backup)
export const DatabaseBackupFailed = eventVariant("database_backup_failed", Backup)
export const ContinuousBackupHealthy = eventVariant("database_continuousbackup_healthy", ContinuousBackup)
export const ContinuousBackupDelayed = eventVariant("database_continuousbackup_delayed", ContinuousBackup)
export const ContinuousBackupStale = eventVariant("database_continuousbackup_stale", ContinuousBackup)
export const PlanDatabaseMaintenance = eventVariant("plan_database_maintenance", Maintenance)
export const StartDatabaseMaintenance = eventVariant("start_database_maintenance", Maintenance)
export const CompleteDatabaseMaintenance = eventVariant("complete_database_maintenance", Maintenance)

export const DatabaseEvents = [
  UpgradeDatabase,
  DatabaseAddFeature,
  DatabaseRemoveFeature,
  DatabaseBackupSucceeded,
  DatabaseBackupFailed,
  ContinuousBackupHealthy,
  ContinuousBackupDelayed,
  ContinuousBackupStale,
  PlanDatabaseMaintenance,
  StartDatabaseMaintenance,
  CompleteDatabaseMaintenance
] as const
export type DatabaseEventType = (typeof DatabaseEvents)[number]["Type"]["type"]
