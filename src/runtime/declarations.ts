import type { Action } from "../policies/policy.js"
import type { PolicyAction } from "../storage/ChannelPolicies.js"
import type { Handler, RuntimeServices } from "./feature.js"
import type { SlashInvocation } from "./interaction/Interaction.js"

/**
 * One declaration per command: everything the router, `help`, the channel policies, shortcuts and the
 * Slack manifests know about it. A new command is one declaration in its feature folder.
 */

/** The help groups, in the order the help shows them. */
export const HELP_GROUPS = ["account", "look", "change", "watch", "admin"] as const
export type HelpGroup = (typeof HELP_GROUPS)[number]

/** One way of calling a command: its usage line, an example and what it does (after the slash command). */
export interface CommandForm {
  readonly usage: string
  readonly example: string
  readonly what: string
}

/** What a command's first argument is. */
export type AppArgument =
  /** An app it cannot go on without: the app picker is offered when none is named. */
  | "required"
  /** An app it may name (`events`, `create [name]`, `audit [app]`): checked against the channel's apps. */
  | "optional"
  | "none"

/** A command as help, the policies and the manifests see it. */
export interface CommandInfo {
  /** The first word after the slash command. */
  readonly word: string
  readonly group: HelpGroup
  /** Its line in the short help. */
  readonly summary: string
  /** How to call it, main form first (`help <command>` lists them all). */
  readonly forms: readonly [CommandForm, ...Array<CommandForm>]
  /** The change a channel's policy must allow, or `read` when it only reads. */
  readonly policy: Action
  readonly app: AppArgument
  /** Buttons, menus and shortcuts may run it on an app, as if the clicker had typed it. */
  readonly fromButtons: boolean
}

export interface CommandDeclaration<R = RuntimeServices> extends CommandInfo {
  readonly handler: Handler<SlashInvocation, R>
}

/** Identity, for inference: `declare({ word: "info", … })`. */
export const declare = <R = RuntimeServices>(declaration: CommandDeclaration<R>): CommandDeclaration<R> => declaration

export const findCommand = <C extends CommandInfo>(commands: ReadonlyArray<C>, word: string): C | undefined =>
  commands.find((command) => command.word === word)

/** The words that name a change, and the change each asks the policy for (`unsubscribe` → `subscribe`). */
export const changeWords = (commands: ReadonlyArray<CommandInfo>): Readonly<Record<string, PolicyAction>> =>
  Object.fromEntries(commands.flatMap((c) => (c.policy === "read" ? [] : [[c.word, c.policy] as const])))

/** The manifests' `usage_hint`: every command's word. */
export const usageHint = (commands: ReadonlyArray<CommandInfo>): string =>
  `[${commands.map((c) => c.word).join(" | ")}] [app] …`

/** The manifests' slash command description: what looking and changing offer. */
export const slashDescription = (commands: ReadonlyArray<CommandInfo>): string =>
  `Operate your Scalingo apps (${commands
    .filter((c) => c.group === "look" || c.group === "change")
    .map((c) => c.word)
    .join(", ")})`

/**
 * Restricted Damerau-Levenshtein distance, giving up past `limit` (anything further is no suggestion):
 * a typed word against a command or an app name, both short.
 */
export const distance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before = Array.from({ length: b.length + 1 }, (_, j) => j)
  let previous = before
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > limit) return limit + 1
    before = previous
    previous = row
  }
  return previous[b.length]!
}

/** How far a word of this length may be from what was meant: one slip in short words, more in long ones. */
const toleranceFor = (length: number) => (length <= 4 ? 1 : length <= 8 ? 2 : 3)

/**
 * What someone probably meant by `typed`, closest first (at most `max`): names within a few slips of it,
 * or that start with it (three characters at least).
 */
export const closestNames = (typed: string, names: ReadonlyArray<string>, max = 3): ReadonlyArray<string> => {
  const word = typed.toLowerCase().slice(0, 100)
  if (word.length === 0) return []
  const limit = toleranceFor(word.length)
  return names
    .flatMap((name) => {
      if (name === word) return []
      const d = distance(word, name, limit)
      if (d <= limit) return [{ name, d }]
      return word.length >= 3 && name.startsWith(word) ? [{ name, d: limit + 1 }] : []
    })
    .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name))
    .slice(0, max)
    .map((found) => found.name)
}
