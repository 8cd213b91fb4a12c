import { type Message, message, section } from "../../blockKit/blocks.js"
import { code, durationText, listOf, plain } from "../../blockKit/text.js"
import type { ContainerType } from "../../scalingo/schemas/containers.js"
import type { Progress } from "../changes/progress.js"

/** What a restart will touch: the named types or containers, or every type of the app. */
export const restartLines = (scope: ReadonlyArray<string>, formation: ReadonlyArray<ContainerType>): Array<string> => {
  const of = (name: string) => formation.find((t) => t.name === name)
  const shown = scope.length > 0 ? scope : formation.map((t) => t.name)
  const parts = shown.map((name) => {
    const type = of(name)
    return type === undefined ? code(name) : `${code(name)} (${type.amount} × ${plain(type.size)})`
  })
  return [
    scope.length > 0 ? `Restarts ${listOf(parts)}.` : `Restarts every container: ${listOf(parts)}.`,
    "Each container is replaced by a fresh one; the app keeps serving if it has more than one."
  ]
}

export const scopeText = (scope: ReadonlyArray<string>) =>
  scope.length > 0 ? listOf(scope.map((s) => code(s))) : "every container"

/** The channel message that follows a restart, edited in place as Scalingo's operation runs. */
export const restartProgressMessage = (
  who: string,
  app: string,
  region: string,
  scope: ReadonlyArray<string>,
  progress: Progress,
  command: string
): Message => {
  const what = `${scopeText(scope)} of ${code(app)} (${code(region)})`
  const check = `\`${command} info ${app}\``
  const text = (() => {
    switch (progress._tag) {
      case "Running":
        return `:arrows_counterclockwise: <@${who}> is restarting ${what}…`
      case "Done":
        return `:white_check_mark: <@${who}> restarted ${what}: done in ${durationText(progress.seconds)}.`
      case "Failed":
        return (
          `:x: <@${who}>'s restart of ${what} failed after ${durationText(progress.seconds)}: ` +
          `${plain(progress.reason, 300)}`
        )
      case "StillRunning":
        return `:hourglass: <@${who}>'s restart of ${what} is still running after 10 minutes; check with ${check}.`
      case "Unreadable":
        return `:warning: <@${who}>'s restart of ${what} was sent, but Scalingo stopped answering; check with ${check}.`
    }
  })()
  return message(text, [section(text)])
}
