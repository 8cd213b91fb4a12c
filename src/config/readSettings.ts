import { type Config, ConfigError, Data, Effect, Either } from "effect"

/**
 * The kit every area uses to read its own settings: each variable with a hint of what a valid value
 * looks like, every problem collected (never only the first), so start-up can name them all at once.
 */

export interface SettingProblem {
  readonly variable: string
  readonly problem: string
}

/** Every missing or invalid variable at once, each with what a valid value looks like. */
export class InvalidSettings extends Data.TaggedError("InvalidSettings")<{
  readonly problems: ReadonlyArray<SettingProblem>
}> {
  override get message() {
    return [
      "The bot cannot start: some settings are missing or invalid.",
      ...this.problems.map((p) => `  - ${p.variable}: ${p.problem}`),
      "Set them in the environment or in a .env file in the working directory (see README, Settings)."
    ].join("\n")
  }
}

/** One variable: its name (as the person sets it), a hint, and how to read it. */
export interface Setting<A> {
  readonly variable: string
  readonly hint: string
  readonly config: Config.Config<A>
}

export const setting = <A>(variable: string, hint: string, config: Config.Config<A>): Setting<A> => ({
  variable,
  hint,
  config
})

type Values<S> = { readonly [K in keyof S]: S[K] extends Setting<infer A> ? A : never }

const describe = (error: ConfigError.ConfigError): string =>
  ConfigError.isMissingData(error) ? "is required" : ConfigError.isInvalidData(error) ? error.message : String(error)

/** Reads every setting of an area; fails with all of its problems together. */
export const readSettings = <S extends Record<string, Setting<unknown>>>(
  settings: S
): Effect.Effect<Values<S>, InvalidSettings> =>
  Effect.gen(function* () {
    const problems: Array<SettingProblem> = []
    const values: Record<string, unknown> = {}
    for (const [key, { variable, hint, config }] of Object.entries(settings)) {
      const result = yield* Effect.either(config)
      if (Either.isRight(result)) values[key] = result.right
      else problems.push({ variable, problem: `${describe(result.left)} (${hint})` })
    }
    if (problems.length > 0) return yield* new InvalidSettings({ problems })
    return values as Values<S>
  })

/** Reads several areas' settings and reports the problems of all of them in one message. */
export const readAllSettings = <R extends Record<string, Effect.Effect<unknown, InvalidSettings>>>(
  areas: R
): Effect.Effect<{ readonly [K in keyof R]: Effect.Effect.Success<R[K]> }, InvalidSettings> =>
  Effect.gen(function* () {
    const problems: Array<SettingProblem> = []
    const values: Record<string, unknown> = {}
    for (const [key, read] of Object.entries(areas)) {
      const result = yield* Effect.either(read)
      if (Either.isRight(result)) values[key] = result.right
      else problems.push(...result.left.problems)
    }
    if (problems.length > 0) return yield* new InvalidSettings({ problems })
    return values as { readonly [K in keyof R]: Effect.Effect.Success<R[K]> }
  })
