import { code, listOf, plain } from "../../blockKit/text.js"

/** One type of the formation, as the question shows it. */
interface FormationType {
  readonly name: string
  readonly amount: number
  readonly size: string
}

/** What a restart will touch: the named types or containers, or every type of the app. */
export const restartLines = (scope: ReadonlyArray<string>, formation: ReadonlyArray<FormationType>): Array<string> => {
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
