import { Config, ConfigError, Context, Either, Layer, Option, Redacted } from "effect"
import { httpUrl, optionalSecret, requiredSecret } from "../config/configs.js"
import { readSettings, setting } from "../config/readSettings.js"

/** What the Slack side needs: its credentials, where it listens and the slash command it answers. */
export interface SlackSettingsValues {
  readonly botToken: Redacted.Redacted<string>
  /** Required in HTTP mode; optional with Socket Mode. */
  readonly signingSecret: Option.Option<Redacted.Redacted<string>>
  /** Set: Socket Mode. */
  readonly appToken: Option.Option<Redacted.Redacted<string>>
  readonly port: number
  readonly apiUrl: string
  readonly command: string
}

/** `.env.example`'s values (`xoxb-your-bot-token`…): copied as they are, they would only fail later at Slack. */
const PLACEHOLDER = /(^|-)your-/i
const isPlaceholder = (secret: Redacted.Redacted<string>) => PLACEHOLDER.test(Redacted.value(secret))
const placeholder = (what: string) =>
  ConfigError.InvalidData([], `is still the placeholder from .env.example: put ${what} there`)

const appToken = optionalSecret("SLACK_APP_TOKEN").pipe(
  Config.mapOrFail((t) =>
    Option.isSome(t) && isPlaceholder(t.value)
      ? Either.left(placeholder("your app-level token (Basic Information, App-Level Tokens), or remove the line"))
      : Either.right(t)
  ),
  Config.validate({
    message: "must start with xapp-",
    validation: (t) => Option.isNone(t) || Redacted.value(t.value).startsWith("xapp-")
  })
)

/** Socket Mode needs no signing secret; HTTP mode cannot verify requests without one. */
const signingSecret = Config.all([optionalSecret("SLACK_APP_TOKEN"), optionalSecret("SLACK_SIGNING_SECRET")]).pipe(
  Config.mapOrFail(([socketMode, secret]) =>
    Option.isNone(secret) && Option.isNone(socketMode)
      ? Either.left(ConfigError.MissingData([], "is required"))
      : Option.isSome(secret) && isPlaceholder(secret.value)
        ? Either.left(placeholder("your Slack app's Signing Secret (Basic Information, App Credentials)"))
        : Either.right(secret)
  )
)

export const readSlackSettings = readSettings({
  appToken: setting("SLACK_APP_TOKEN", "an app-level token starting with xapp-", appToken),
  botToken: setting(
    "SLACK_BOT_TOKEN",
    "the bot token, starting with xoxb-",
    requiredSecret("SLACK_BOT_TOKEN", {
      message: "must start with xoxb-",
      validation: (t) => t.trim().startsWith("xoxb-")
    }).pipe(
      Config.mapOrFail((t) =>
        isPlaceholder(t)
          ? Either.left(placeholder("your Slack app's Bot User OAuth Token (OAuth & Permissions)"))
          : Either.right(t)
      )
    )
  ),
  signingSecret: setting("SLACK_SIGNING_SECRET", "the app's signing secret from Basic Information", signingSecret),
  port: setting(
    "PORT",
    "a TCP port number such as 3000",
    Config.integer("PORT").pipe(
      Config.withDefault(3000),
      Config.validate({ message: "must be between 0 and 65535", validation: (n) => n >= 0 && n <= 65535 })
    )
  ),
  apiUrl: setting("SLACK_API_URL", "e.g. https://slack.com/api/", httpUrl("SLACK_API_URL", "https://slack.com/api/")),
  command: setting(
    "SLACK_COMMAND",
    "a slash command such as /scalingo",
    Config.string("SLACK_COMMAND").pipe(
      Config.withDefault("/scalingo"),
      Config.validate({
        message: "must start with / and contain no spaces",
        validation: (s) => /^\/[^\s/]{1,31}$/.test(s)
      })
    )
  )
})

export class SlackSettings extends Context.Tag("bot/slack/SlackSettings")<SlackSettings, SlackSettingsValues>() {
  static readonly layer = Layer.effect(SlackSettings, readSlackSettings)
  static readonly make = (values: SlackSettingsValues) => Layer.succeed(SlackSettings, values)
}
