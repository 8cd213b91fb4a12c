import { Schema } from "effect"

/** A region the account can reach, as `GET {auth}/v1/regions` lists it. Nothing about regions is hard-coded. */
export const Region = Schema.Struct({
  name: Schema.String,
  display_name: Schema.String,
  /** Base URL of the region's API, e.g. `https://api.osc-fr1.scalingo.com`. */
  api: Schema.String,
  dashboard: Schema.optional(Schema.String),
  database_api: Schema.optional(Schema.String),
  ssh: Schema.optional(Schema.String),
  default: Schema.optionalWith(Schema.Boolean, { default: () => false, nullable: true })
})
export type Region = typeof Region.Type

export const RegionsResponse = Schema.Struct({ regions: Schema.Array(Region) })
