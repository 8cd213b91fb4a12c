import { Config, Context, Effect, Layer } from "effect"
import { readSettings, setting } from "../config/readSettings.js"
import { defaultLoginLimits, LoginAttempts, type LoginLimits } from "./LoginAttempts.js"

const perMinute = (variable: string, fallback: number) =>
  Config.integer(variable).pipe(
    Config.withDefault(fallback),
    Config.validate({ message: "must be between 1 and 100000", validation: (n) => n >= 1 && n <= 100_000 })
  )

/** How many tokens may be checked with Scalingo a minute, per person and per workspace. */
export const readAccountsSettings = readSettings({
  perPerson: setting(
    "LOGIN_LIMIT_PER_PERSON",
    "login attempts a minute for one Slack person, e.g. 5",
    perMinute("LOGIN_LIMIT_PER_PERSON", defaultLoginLimits.perPerson)
  ),
  perWorkspace: setting(
    "LOGIN_LIMIT_PER_WORKSPACE",
    "login attempts a minute for one Slack workspace, e.g. 60",
    perMinute("LOGIN_LIMIT_PER_WORKSPACE", defaultLoginLimits.perWorkspace)
  )
})

export class AccountsSettings extends Context.Tag("bot/accounts/AccountsSettings")<
  AccountsSettings,
  Omit<LoginLimits, "windowMs">
>() {
  static readonly make = (values: Omit<LoginLimits, "windowMs">) => Layer.succeed(AccountsSettings, values)
  /** The login limiter these settings describe. */
  static readonly loginAttempts = Layer.unwrapEffect(
    Effect.map(AccountsSettings, (limits) => LoginAttempts.layerWith({ ...limits, windowMs: 60_000 }))
  )
}
