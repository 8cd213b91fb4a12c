import { context, type Message, message, section } from "../../blockKit/blocks.js"
import { code } from "../../blockKit/text.js"
import { type CommandInfo, HELP_GROUPS, type HelpGroup } from "../../runtime/declarations.js"

/** Every sentence of `help`: the short list by group, one command's detail, and "did you mean". */

const GROUP_TITLES: Readonly<Record<HelpGroup, string>> = {
  account: "Your account",
  look: "Look",
  change: "Change",
  watch: "Watch",
  admin: "Admin"
}

const example = (command: string, info: CommandInfo) => code(`${command} ${info.forms[0].example}`)

const moreHelp = (command: string) =>
  `${code(`${command} help <command>`)} tells more about one (${code(`${command} help scale`)}). ` +
  "Answers about your account are visible only to you; a command that needs an app offers a picker when " +
  "you leave it out."

/** "a", "a or b", "a, b or c". */
const orList = (items: ReadonlyArray<string>) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`

/** Anything that looks like a credential is never repeated back, even in a private answer. */
export const looksSecret = (word: string): boolean =>
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

/** The short help: each group's commands, one line each, with an example. */
export const helpMessage = (command: string, commands: ReadonlyArray<CommandInfo>, unknownWord?: string): Message => {
  const intro = introFor(command, unknownWord)
  const groups = HELP_GROUPS.flatMap((group) => {
    const members = commands.filter((c) => c.group === group)
    if (members.length === 0) return []
    const lines = members.map((c) => `• ${example(command, c)}: ${c.summary}`)
    return [section(`*${GROUP_TITLES[group]}*\n${lines.join("\n")}`)]
  })
  return message(`${intro} ${commands.map((c) => c.word).join(", ")}`, [
    section(intro),
    ...groups,
    context(moreHelp(command))
  ])
}

const notes = (command: string, info: CommandInfo): ReadonlyArray<string> => [
  ...(info.app === "required" ? ["Leave the app out and you get a picker of your apps."] : []),
  ...(info.policy === "read"
    ? []
    : [`A channel's policy may refuse it (admins: \`${command} policy allow ${info.policy}\`).`]),
  ...(info.fromButtons ? ["The buttons of an app's card and the apps list's menus run it too."] : []),
  `One of the *${GROUP_TITLES[info.group]}* commands; \`${command} help\` lists them all.`
]

/** `help <command>`: every form of one command, with an example each. */
export const commandHelpMessage = (command: string, info: CommandInfo): Message => {
  const lines = info.forms.map(
    (form) => `• ${code(`${command} ${form.usage}`)}: ${form.what}\n    e.g. ${code(`${command} ${form.example}`)}`
  )
  const title = `${code(`${command} ${info.word}`)}: ${info.summary}`
  return message(`${command} ${info.word}: ${info.summary}`, [
    section(`${title}\n${lines.join("\n")}`),
    context(notes(command, info).join(" "))
  ])
}

/** A word close to commands the bot knows: what they are, not the whole help. */
export const didYouMeanMessage = (command: string, typed: string, meant: ReadonlyArray<CommandInfo>): Message => {
  const names = orList(meant.map((c) => code(`${command} ${c.word}`)))
  const question = `I don't know ${code(typed, 40)}. Did you mean ${names}?`
  const lines = meant.map((c) => `• ${code(`${command} ${c.forms[0].usage}`)}: ${c.forms[0].what}`)
  return message(question, [section(`:thinking_face: ${question}\n${lines.join("\n")}`), context(moreHelp(command))])
}

/** An app name close to the person's apps: the same command with the name they probably meant. */
export const didYouMeanAppMessage = (
  command: string,
  words: { readonly word: string; readonly typed: string; readonly rest: ReadonlyArray<string> },
  meant: ReadonlyArray<string>
): Message => {
  const withApp = (app: string) => code([command, words.word, app, ...words.rest].join(" "), 200)
  const question =
    `I can't find ${code(words.typed, 80)} among your apps. ` +
    `Did you mean ${orList(meant.map((app) => code(app, 80)))}?`
  return message(question, [
    section(`:thinking_face: ${question}`),
    context(`${meant.length === 1 ? "Run" : "For the first, run"} ${withApp(meant[0]!)}.`)
  ])
}
