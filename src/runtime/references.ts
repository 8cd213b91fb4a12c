/** The shortcut button's action id: its value names a command to run on an app (see commands/shortcuts). */
export const RUN_ACTION = "run_command"

/** A button's or menu item's value: the words of the command (`restart my-app`), within 75 characters. */
export const runValue = (subcommand: string, app: string): string => `${subcommand} ${app}`
