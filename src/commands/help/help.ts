import { Effect } from "effect"
import { context, type Message, message, section } from "../../blockKit/blocks.js"
import { code } from "../../blockKit/text.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"

/** Every subcommand with an example, in the order a newcomer needs them. */
export const SUBCOMMANDS: ReadonlyArray<{ readonly usage: string; readonly example: string; readonly what: string }> = [
  { usage: "login", example: "login", what: "link your Scalingo account (opens a form for your API token)" },
  { usage: "login <token>", example: "login tk-us-…", what: "link your Scalingo account without the form" },
  { usage: "whoami", example: "whoami", what: "show which Scalingo account you act with" },
  { usage: "logout", example: "logout", what: "forget your Scalingo token" },
  { usage: "apps", example: "apps", what: "list your apps in every region, with status and last deploy" },
  { usage: "info <app>", example: "info my-app", what: "an app's status, formation and last deployment" },
  { usage: "create [name]", example: "create my-new-app", what: "create an app (opens a form with a region picker)" },
  { usage: "restart <app> [type …]", example: "restart my-app web", what: "restart an app or some of its types" },
  {
    usage: "scale <app> <type>:<amount>[:<size>] …",
    example: "scale my-app web:3 worker:+1",
    what: "change the formation (relative amounts, optional sizes)"
  },
  { usage: "deployments <app>", example: "deployments my-app", what: "post deployments in a thread, with build logs" },
  { usage: "logs <app> [lines] [filter]", example: "logs my-app 200 web", what: "DM you an app's last log lines" },
  { usage: "events <app>", example: "events my-app", what: "post an app's recent events in a thread, page by page" },
  { usage: "events", example: "events", what: "the same for your account-wide events" },
  {
    usage: "subscribe <app> [deploys] [crashes] [all]",
    example: "subscribe my-app",
    what: "tell this channel about the app's deployments and crashes (or every event with `all`)"
  },
  { usage: "unsubscribe <app>", example: "unsubscribe my-app", what: "stop telling this channel about the app" },
  { usage: "subscriptions", example: "subscriptions", what: "what this channel follows, and who subscribed it" },
  {
    usage: "star <app>",
    example: "star my-app",
    what: "put an app on your App Home (the bot's Home tab); `unstar` too"
  },
  { usage: "policy", example: "policy", what: "what this channel allows and who can change it" },
  {
    usage: "policy read-only | allow <action> … | apps <name or prefix*> … | reset",
    example: "policy allow restart scale",
    what: "admins: limit what can be changed here (create, restart, scale, subscribe) and which apps"
  },
  {
    usage: "audit [app]",
    example: "audit my-app",
    what: "the latest changes made through the bot (admins: everyone's)"
  },
  { usage: "help", example: "help", what: "show this list" }
]

/** Anything that looks like a credential is never repeated back, even in a private answer. */
const looksSecret = (word: string): boolean =>
  /^(tk-[a-z]{2}-|xox[a-z]-|xapp-|eyJ)/i.test(word) || (word.length >= 24 && /^[A-Za-z0-9_\-+/=.]+$/.test(word))

const introFor = (command: string, unknownWord: string | undefined): string => {
  if (unknownWord === undefined) return `Operate Scalingo from Slack with \`${command}\`:`
  if (looksSecret(unknownWord)) {
    return (
      ":lock: That looks like a token, so I did not repeat or keep it. " +
      `To link your account, run \`${command} login\`. Here is what \`${command}\` can do:`
    )
  }
  return `I don't know ${code(unknownWord, 40)}. Here is what \`${command}\` can do:`
}

export const helpMessage = (command: string, unknownWord?: string): Message => {
  const intro = introFor(command, unknownWord)
  const lines = SUBCOMMANDS.map((s) => `• \`${command} ${s.example}\`: ${s.what}`)
  return message(`${intro} ${SUBCOMMANDS.map((s) => s.usage).join(", ")}`, [
    section(`${intro}\n${lines.join("\n")}`),
    context(
      "Answers about your account are visible only to you. Listings, new apps and changes are posted in the channel; " +
        "a command that needs an app offers a picker when you leave it out."
    )
  ])
}

/** `help`, nothing, or an unknown word: the list, privately. */
export const help = (invocation: SlashInvocation, unknownWord?: string) =>
  Effect.succeed(Reply.Private({ message: helpMessage(invocation.command, unknownWord) }))
