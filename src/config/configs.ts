import { Config, Option, Redacted } from "effect"

/** Small Config building blocks shared by the areas' settings. */

export const nonEmpty = (name: string) =>
  Config.string(name).pipe(Config.validate({ message: "must not be empty", validation: (s) => s.trim().length > 0 }))

export interface Check {
  readonly message: string
  readonly validation: (value: string) => boolean
}

/** A secret that must be set; wrapped as Redacted only after validation so messages never hold it. */
export const requiredSecret = (name: string, check: Check = { message: "must not be empty", validation: () => true }) =>
  nonEmpty(name).pipe(
    Config.validate(check),
    Config.map((s) => Redacted.make(s.trim()))
  )

/** An optional secret; an empty value counts as unset. */
export const optionalSecret = (name: string) =>
  Config.option(Config.string(name)).pipe(
    Config.map((value) =>
      Option.map(
        Option.filter(value, (s) => s.trim().length > 0),
        (s) => Redacted.make(s.trim())
      )
    )
  )

export const httpUrl = (name: string, fallback: string) =>
  Config.string(name).pipe(
    Config.withDefault(fallback),
    Config.validate({ message: "must be an http(s) URL", validation: (s) => /^https?:\/\/[^\s]+$/.test(s) })
  )

/** `NODE_ENV=production`: JSON logs, and secrets that have development fallbacks become required. */
export const production = Config.string("NODE_ENV").pipe(
  Config.withDefault(""),
  Config.map((value) => value === "production"),
  Config.orElse(() => Config.succeed(false))
)
