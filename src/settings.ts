import { Layer } from "effect"
import { AccountsSettings, readAccountsSettings } from "./accounts/AccountsSettings.js"
import { readLoggingSettings } from "./logging.js"
import { PolicySettings, readPolicySettings } from "./policies/PolicySettings.js"
import { readScalingoSettings, ScalingoSettings } from "./scalingo/ScalingoSettings.js"
import { readSlackSettings, SlackSettings } from "./slack/SlackSettings.js"
import { readStorageSettings, StorageSettings } from "./storage/StorageSettings.js"
import { readTracingSettings } from "./tracing/TracingSettings.js"
import { readWatchSettings, WatchSettings } from "./watching/WatchSettings.js"
import { readAllSettings } from "./config/readSettings.js"

/** Every area's settings read together, so start-up names every bad variable in one message. */
export const readEverySetting = readAllSettings({
  slack: readSlackSettings,
  scalingo: readScalingoSettings,
  storage: readStorageSettings,
  logging: readLoggingSettings,
  accounts: readAccountsSettings,
  tracing: readTracingSettings,
  watch: readWatchSettings,
  policies: readPolicySettings
})

export type EverySetting = typeof readEverySetting extends import("effect").Effect.Effect<infer A, infer _E> ? A : never

/** The areas' settings as layers, from values already read and validated. */
export const settingsLayer = (settings: EverySetting) =>
  Layer.mergeAll(
    SlackSettings.make(settings.slack),
    ScalingoSettings.make(settings.scalingo),
    StorageSettings.make(settings.storage),
    AccountsSettings.make(settings.accounts),
    WatchSettings.make(settings.watch),
    PolicySettings.make(settings.policies)
  )
