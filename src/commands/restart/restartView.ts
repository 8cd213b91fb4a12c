import type { Message } from "../../blockKit/blocks.js"
import { code, listOf, plain } from "../../blockKit/text.js"
import type { ContainerType } from "../../scalingo/schemas/containers.js"
import type { Progress } from "../../runtime/changes/progress.js"
import { progressMessage } from "../../runtime/changes/progressView.js"

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
): Message =>
  progressMessage(
    { emoji: ":arrows_counterclockwise:", doing: "is restarting", done: "restarted", noun: "restart" },
    who,
    `${scopeText(scope)} of ${code(app)} (${code(region)})`,
    `\`${command} info ${app}\``,
    progress
  )
