import type { Action } from "../policies/policy.js"
import { changeWords, type CommandDeclaration } from "../runtime/declarations.js"
import type { Feature } from "../runtime/feature.js"
import { watchFeature } from "../watching/index.js"
import { accountFeature } from "./account/index.js"
import { appsFeature } from "./apps/index.js"
import { auditFeature } from "./audit/index.js"
import { createFeature } from "./create/index.js"
import { deploymentsFeature } from "./deployments/index.js"
import { domainsFeature } from "./domains/index.js"
import { eventsFeature } from "./events/index.js"
import { helpFeature } from "./help/index.js"
import { homeFeature } from "./home/index.js"
import { infoFeature } from "./info/index.js"
import { loginFeature } from "./login/index.js"
import { logsFeature } from "./logs/index.js"
import { policyFeature } from "./policy/index.js"
import { restartFeature } from "./restart/index.js"
import { scaleFeature } from "./scale/index.js"
import type { CommandServices } from "./services.js"

/**
 * The catalogue: every feature folder, and so every declared command, in the order the manifests'
 * usage hint names them. The router, `help`, the policy grammar, shortcuts and both manifests derive
 * from it; a new command is one declaration in its folder (and its folder here, once).
 */
const operating: ReadonlyArray<Feature<CommandServices>> = [
  loginFeature,
  accountFeature,
  appsFeature,
  infoFeature,
  eventsFeature,
  deploymentsFeature,
  logsFeature,
  domainsFeature,
  createFeature,
  restartFeature,
  scaleFeature,
  watchFeature,
  homeFeature
]
/** Named after `policy` (reading what was done follows what may be done). */
const reviewing: ReadonlyArray<Feature<CommandServices>> = [auditFeature]

const commandsOf = (features: ReadonlyArray<Feature<CommandServices>>) => features.flatMap((f) => f.commands ?? [])

/** The command words that name a change, for `policy allow <change>` (`unsubscribe` is `subscribe`). */
export const SUBCOMMAND_ACTIONS = changeWords(commandsOf([...operating, ...reviewing]))

export const FEATURES: ReadonlyArray<Feature<CommandServices>> = [
  // `help` reads the catalogue when asked, itself included.
  helpFeature(() => COMMANDS),
  ...operating,
  policyFeature(SUBCOMMAND_ACTIONS),
  ...reviewing
]

export const COMMANDS: ReadonlyArray<CommandDeclaration<CommandServices>> = commandsOf(FEATURES)

/** Each command's main form: its usage line, an example and its line in the short help. */
export const SUBCOMMANDS: ReadonlyArray<{ readonly usage: string; readonly example: string; readonly what: string }> =
  COMMANDS.map((c) => ({ usage: c.forms[0].usage, example: c.forms[0].example, what: c.summary }))

/** What the channel's policy must allow for a command word; unknown words only read. */
export const actionOf = (word: string): Action => COMMANDS.find((c) => c.word === word)?.policy ?? "read"
