import { context, escapeMrkdwn, message, section, type Message } from "../slack/blocks.js"

/** Every subcommand with an example, in the order a newcomer needs them. */
export const SUBCOMMANDS: ReadonlyArray<{ readonly usage: string; readonly example: string; readonly what: string }> = [
  { usage: "login", example: "login", what: "link your Scalingo account (opens a form for your API token)" },
  { usage: "login <token>", example: "login tk-us-…", what: "link your Scalingo account without the form" },
  { usage: "whoami", example: "whoami", what: "show which Scalingo account you act with" },
  { usage: "logout", example: "logout", what: "forget your Scalingo token" },
  { usage: "apps", example: "apps", what: "list your apps in every region, with status and last deploy" },
  { usage: "create [name]", example: "create my-new-app", what: "create an app (opens a form with a region picker)" },
  { usage: "events <app>", example: "events my-app", what: "post an app's recent events in a thread, page by page" },
  { usage: "events", example: "events", what: "the same for your account-wide events" },
  { usage: "help", example: "help", what: "show this list" }
]

export const helpMessage = (command: string, unknownWord?: string): Message => {
  const intro =
    unknownWord === undefined
      ? `Operate Scalingo from Slack with \`${command}\`:`
      : `I don't know \`${escapeMrkdwn(unknownWord.slice(0, 40))}\`. Here is what \`${command}\` can do:`
  const lines = SUBCOMMANDS.map((s) => `• \`${command} ${s.example}\`: ${s.what}`)
  return message(`${intro} ${SUBCOMMANDS.map((s) => s.usage).join(", ")}`, [
    section(`${intro}\n${lines.join("\n")}`),
    context(
      "Answers about your account are visible only to you. Event listings and new apps are posted in the channel."
    )
  ])
}
