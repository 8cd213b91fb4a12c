import { actions, type Block, button } from "../blockKit/blocks.js"

/** The shortcut button's action id: its value names a command to run on an app (see commands/shortcuts). */
export const RUN_ACTION = "run_command"

/** A button's or menu item's value: the words of the command (`restart my-app`), within 75 characters. */
export const runValue = (subcommand: string, app: string): string => `${subcommand} ${app}`

/**
 * The Retry button's action id: its value is the words of the command that failed (`info my-app`), run
 * again for whoever clicks, with their own account. Never a login: its words hold a token.
 */
export const RETRY_ACTION = "retry_command"

/** A Retry button for a command's words, in a block of its own; none when the words cannot be carried. */
export const retryBlocks = (words: string): ReadonlyArray<Block> => {
  const text = words.trim()
  if (text === "" || text.length > 200 || /^login\b/i.test(text)) return []
  return [actions("retry", [button({ actionId: RETRY_ACTION, text: "Retry", value: text })])]
}

/** The Link button's action id: opens the login form, for answers telling someone to link an account. */
export const LINK_ACTION = "link_account"

/** A Link button in a block of its own, after a sentence saying the person has no (working) link. */
export const linkBlocks = (label = "Link my account"): ReadonlyArray<Block> => [
  actions("link", [button({ actionId: LINK_ACTION, text: label, value: "link", style: "primary" })])
]
