import { Config, Context, Layer } from "effect"
import { readSettings, setting } from "../config/readSettings.js"

export interface PolicySettingsValues {
  /** Slack user ids who may set channel policies, besides the workspace's admins and owners. */
  readonly botAdmins: ReadonlyArray<string>
  /** What a channel without a policy of its own (and a direct message) allows. */
  readonly defaultPolicy: "all" | "read-only"
  /** How long audit records are kept, in days (decimals allowed: tests shorten the clock with them). */
  readonly auditRetentionDays: number
}

const USER_ID = /^[A-Z0-9][A-Z0-9-]{0,30}$/

const userIds = Config.string("BOT_ADMINS").pipe(
  Config.withDefault(""),
  Config.map((text) =>
    text
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id.length > 0)
  ),
  Config.validate({
    message: "must be Slack user ids separated by commas, e.g. U012AB3CD,U045EF6GH",
    validation: (ids) => ids.every((id) => USER_ID.test(id))
  })
)

export const readPolicySettings = readSettings({
  botAdmins: setting("BOT_ADMINS", "Slack user ids separated by commas, e.g. U012AB3CD", userIds),
  defaultPolicy: setting(
    "DEFAULT_CHANNEL_POLICY",
    "all or read-only",
    Config.literal("all", "read-only")("DEFAULT_CHANNEL_POLICY").pipe(Config.withDefault("all" as const))
  ),
  auditRetentionDays: setting(
    "AUDIT_RETENTION_DAYS",
    "a number of days from 0.00001 to 3650, e.g. 90",
    Config.number("AUDIT_RETENTION_DAYS").pipe(
      Config.withDefault(90),
      Config.validate({ message: "must be between 0.00001 and 3650", validation: (n) => n >= 0.00001 && n <= 3650 })
    )
  )
})

export class PolicySettings extends Context.Tag("bot/policies/PolicySettings")<PolicySettings, PolicySettingsValues>() {
  static readonly make = (values: PolicySettingsValues) => Layer.succeed(PolicySettings, values)
}

export const defaultPolicySettings: PolicySettingsValues = {
  botAdmins: [],
  defaultPolicy: "all",
  auditRetentionDays: 90
}
