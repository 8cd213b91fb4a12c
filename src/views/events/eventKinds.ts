import type { ScalingoEvent } from "../../scalingo/schemas/events/index.js"

/**
 * An emoji per kind of event, so a failed deploy or a crash stands out on a page of routine changes.
 * Deployments look at their status: only `success` is good news.
 */
const BY_TYPE: Readonly<Record<string, string>> = {
  crash: ":boom:",
  repeated_crash: ":boom:",
  restart: ":arrows_counterclockwise:",
  scale: ":bar_chart:",
  stop_app: ":black_square_for_stop:",
  run: ":arrow_forward:",
  new_app: ":sparkles:",
  delete_app: ":wastebasket:",
  rename_app: ":label:",
  transfer_app: ":handshake:",
  alert: ":rotating_light:",
  login_failure: ":no_entry:",
  login_lock: ":lock:",
  database_backup_failed: ":x:",
  database_continuousbackup_stale: ":warning:",
  database_continuousbackup_delayed: ":warning:",
  payment_attempt: ":credit_card:"
}

const BY_FAMILY: ReadonlyArray<readonly [RegExp, string]> = [
  [/variable/, ":gear:"],
  [/collaborator|hds_contact|data_access/, ":busts_in_silhouette:"],
  [/addon|database/, ":package:"],
  [/domain/, ":globe_with_meridians:"],
  [/notifier|log_drain|alert|autoscaler/, ":bell:"],
  [/scm|github|integration/, ":link:"],
  [/project/, ":file_folder:"],
  [/credit|payment|voucher/, ":credit_card:"],
  [/user|login|password|tfa|token|key/, ":bust_in_silhouette:"],
  [/app|stack|region|review/, ":hammer_and_wrench:"]
]

const deploymentEmoji = (status: unknown): string => {
  if (status === "success") return ":white_check_mark:"
  if (typeof status === "string" && /error|aborted|crashed|timeout|fail/.test(status)) return ":x:"
  return ":rocket:"
}

export const eventEmoji = (event: ScalingoEvent): string => {
  if (event.type === "deployment") return deploymentEmoji((event.type_data as { status?: unknown } | undefined)?.status)
  const exact = BY_TYPE[event.type]
  if (exact !== undefined) return exact
  return BY_FAMILY.find(([pattern]) => pattern.test(event.type))?.[1] ?? ":small_blue_diamond:"
}
