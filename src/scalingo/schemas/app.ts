import { Schema } from "effect"

const optionalString = Schema.optionalWith(Schema.String, { nullable: true })

/** An app as the regional API returns it; only the fields the bot shows, the rest is ignored. */
export const App = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  region: optionalString,
  /** `new`, `running`, `stopped`, `crashed`, … Scalingo owns this list, so it stays open. */
  status: Schema.String,
  created_at: optionalString,
  updated_at: optionalString,
  /** The last deployment attempt; null when the app was never deployed. */
  last_deployed_at: Schema.optional(Schema.NullOr(Schema.String)),
  last_deployed_by: Schema.optional(Schema.NullOr(Schema.String)),
  git_url: optionalString,
  url: optionalString,
  owner: Schema.optional(
    Schema.Struct({
      id: optionalString,
      username: optionalString,
      email: optionalString
    })
  )
})
export type App = typeof App.Type

export const AppsResponse = Schema.Struct({ apps: Schema.Array(App) })
export const AppResponse = Schema.Struct({ app: App })
