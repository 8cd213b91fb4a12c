import { eventVariant } from "./base.js"
import { Text, TextList } from "./lenient.js"

/** Addon events (scalingo-api.md §4.5 "Addons and databases"); database specifics live in databases.ts. */

const Addon = { addon_provider_name: Text, plan_name: Text, resource_id: Text }
const AddonLogDrain = { url: Text, addon_uuid: Text, addon_name: Text }

export const NewAddon = eventVariant("new_addon", Addon)
export const UpgradeAddon = eventVariant("upgrade_addon", { ...Addon, old_plan_name: Text, new_plan_name: Text })
export const DeleteAddon = eventVariant("delete_addon", Addon)
export const ResumeAddon = eventVariant("resume_addon", Addon)
export const SuspendAddon = eventVariant("suspend_addon", { ...Addon, reason: Text })
export const AddonUpdated = eventVariant("addon_updated", {
  addon_id: Text,
  addon_plan_name: Text,
  addon_resource_id: Text,
  addon_provider_id: Text,
  addon_provider_name: Text,
  /** [old, new]; Go panics when it has fewer than two items. */
  status: TextList,
  attributes_changed: TextList
})
export const NewAddonLogDrain = eventVariant("new_addon_log_drain", AddonLogDrain)
export const DeleteAddonLogDrain = eventVariant("delete_addon_log_drain", AddonLogDrain)

export const AddonEvents = [
  NewAddon,
  UpgradeAddon,
  DeleteAddon,
  ResumeAddon,
  SuspendAddon,
  AddonUpdated,
  NewAddonLogDrain,
  DeleteAddonLogDrain
] as const
export type AddonEventType = (typeof AddonEvents)[number]["Type"]["type"]
