import { Schema } from "effect"
import { lenient, lenientStruct, objectOrEmpty, Text, withFallback } from "./lenient.js"

/**
 * Fields every Scalingo event carries (scalingo-api.md §4.3). All are lenient: account events have
 * no app fields, project events have project fields instead, and nothing here may fail a page.
 */

/** Who did it. Platform actions use `scalingo-platform` / `deploy@scalingo.com`. */
export const EventUser = lenientStruct({ username: Text, email: Text, id: Text })
export type EventUser = typeof EventUser.Type

export const baseEventFields = {
  id: withFallback(Text, ""),
  /** ISO 8601 as sent; see `eventTime` for a Date. */
  created_at: Schema.optional(lenient(Text)),
  user: Schema.optional(lenient(EventUser)),
  /** Frozen at event time: not changed when the app is renamed later. */
  app_id: Schema.optional(lenient(Text)),
  app_name: Schema.optional(lenient(Text)),
  project_id: Schema.optional(lenient(Text)),
  project_name: Schema.optional(lenient(Text))
}

// biome-ignore lint/suspicious/noExplicitAny: a spec holds schemas of any shape
type TypeDataSpec = Record<string, Schema.Schema<any, any, never>>

/**
 * One event type: its literal `type` and its lenient `type_data` (absent, null or not an object
 * reads as `{}`; every field optional). `spec` lists the fields and their expected shapes.
 */
export const eventVariant = <const T extends string, S extends TypeDataSpec>(type: T, spec: S) => {
  const typeData = objectOrEmpty(spec)
  return Schema.Struct({
    ...baseEventFields,
    type: Schema.Literal(type),
    type_data: Schema.optionalWith(typeData, { default: () => ({}) as typeof typeData.Type })
  })
}

/** An event type this code does not know yet: decodes anyway, with `type_data` left opaque. */
export const UnknownEvent = Schema.Struct({
  ...baseEventFields,
  type: withFallback(Schema.String, "unknown"),
  type_data: Schema.optionalWith(
    Schema.transform(Schema.Unknown, Schema.Record({ key: Schema.String, value: Schema.Unknown }), {
      strict: true,
      decode: (input) =>
        typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {},
      encode: (value) => value
    }),
    { default: () => ({}) }
  )
})
export type UnknownEvent = typeof UnknownEvent.Type

/** Fields shared by every decoded event, known or not. */
export type EventBase = Schema.Struct.Type<typeof baseEventFields> & { readonly type: string }

/** When the event happened, or undefined when `created_at` is missing or not a date. */
export const eventTime = (event: { readonly created_at?: string | undefined }): Date | undefined => {
  if (event.created_at === undefined) return undefined
  const date = new Date(event.created_at)
  return Number.isNaN(date.getTime()) ? undefined : date
}
