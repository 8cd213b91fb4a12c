import { Config, Context, Layer, Option } from "effect"
import { readSettings, setting } from "../config/readSettings.js"

/** What watching apps reads from the environment. */
export interface WatchSettingsValues {
  /** The bot's public base URL (no trailing slash): set, subscriptions register Scalingo webhook notifiers. */
  readonly publicUrl: Option.Option<string>
  /** How often subscribed apps are read when no push arrives; the interval stretches to keep the budget. */
  readonly pollSeconds: number
}

export const readWatchSettings = readSettings({
  publicUrl: setting(
    "PUBLIC_URL",
    "the bot's public base URL, e.g. https://scalingo-bot.example.com",
    Config.option(Config.string("PUBLIC_URL")).pipe(
      Config.map((value) =>
        Option.filter(
          Option.map(value, (s) => s.trim().replace(/\/+$/, "")),
          (s) => s !== ""
        )
      ),
      Config.validate({
        message: "must be an http(s) URL without a query",
        validation: (url) => Option.isNone(url) || /^https?:\/\/[^\s?#]+$/.test(url.value)
      })
    )
  ),
  pollSeconds: setting(
    "SUBSCRIPTION_POLL_SECONDS",
    "a whole number of seconds, at least 1",
    Config.integer("SUBSCRIPTION_POLL_SECONDS").pipe(
      Config.withDefault(60),
      Config.validate({ message: "must be at least 1", validation: (n) => n >= 1 && n <= 86_400 })
    )
  )
})

export class WatchSettings extends Context.Tag("bot/watch/WatchSettings")<WatchSettings, WatchSettingsValues>() {
  static readonly make = (values: WatchSettingsValues) => Layer.succeed(WatchSettings, values)
}

/** The path of a subscription's webhook under PUBLIC_URL (the secret is the last segment). */
export const WEBHOOK_PATH = "/scalingo/webhooks"
