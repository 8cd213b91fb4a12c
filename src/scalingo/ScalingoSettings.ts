import { Config, Context, Layer, Option, Redacted } from "effect"
import { httpUrl, optionalSecret } from "../config/configs.js"
import { readSettings, setting } from "../config/readSettings.js"

/** What the Scalingo client reads from the environment (its tunables are ScalingoClientOptions). */
export interface ScalingoSettingsValues {
  /** Token exchange, users/self and the regions list; no trailing slash. */
  readonly authUrl: string
  /** The per-account budget over any 60 seconds. */
  readonly requestsPerMinute: number
  /** Set: the budget is shared by every replica through Redis. */
  readonly redisUrl: Option.Option<Redacted.Redacted<string>>
}

export const readScalingoSettings = readSettings({
  authUrl: setting(
    "SCALINGO_AUTH_URL",
    "e.g. https://auth.scalingo.com",
    httpUrl("SCALINGO_AUTH_URL", "https://auth.scalingo.com").pipe(Config.map((url) => url.replace(/\/+$/, "")))
  ),
  requestsPerMinute: setting(
    "SCALINGO_REQUESTS_PER_MINUTE",
    "a whole number from 1 to 60",
    Config.integer("SCALINGO_REQUESTS_PER_MINUTE").pipe(
      Config.withDefault(60),
      Config.validate({ message: "must be between 1 and 60", validation: (n) => n >= 1 && n <= 60 })
    )
  ),
  redisUrl: setting(
    "REDIS_URL",
    "e.g. redis://127.0.0.1:6379",
    optionalSecret("REDIS_URL").pipe(
      Config.validate({
        message: "must be a redis:// or rediss:// URL",
        validation: (u) => Option.isNone(u) || /^rediss?:\/\//.test(Redacted.value(u.value))
      })
    )
  )
})

export class ScalingoSettings extends Context.Tag("bot/scalingo/ScalingoSettings")<
  ScalingoSettings,
  ScalingoSettingsValues
>() {
  static readonly layer = Layer.effect(ScalingoSettings, readScalingoSettings)
  static readonly make = (values: ScalingoSettingsValues) => Layer.succeed(ScalingoSettings, values)
}
