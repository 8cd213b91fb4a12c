import { Option, Schema } from "effect"

/**
 * The bodies Scalingo sends with an error status (scalingo-api.md §6). Every field is optional: a
 * body that says less still maps to the right error, with a generic sentence.
 */

/** 400, 401, 409, 5xx: `{"error": "…"}`. */
export const ErrorMessageBody = Schema.Struct({ error: Schema.optional(Schema.String) })

/** 402: billing needs attention; `url` is where to fix it, `name` e.g. `…free-trial-exceeded`. */
export const PaymentRequiredBody = Schema.Struct({
  error: Schema.optional(Schema.String),
  url: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String)
})

/** 403: `code` is the reason, e.g. `region_disabled`. */
export const ForbiddenBody = Schema.Struct({
  error: Schema.optional(Schema.String),
  code: Schema.optional(Schema.String)
})

/** 404: `{"resource":"app","error":"not found"}`; `resource` may be absent. */
export const NotFoundBody = Schema.Struct({
  resource: Schema.optional(Schema.String),
  error: Schema.optional(Schema.String)
})

const FieldMessages = Schema.Record({ key: Schema.String, value: Schema.Array(Schema.String) })

/** A field's messages: a string, a list of them, or lists nested (a scale's 422, go-scalingo/cli#1213). */
const messagesIn = (value: unknown): Array<string> =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.flatMap(messagesIn) : []

const RawInvalidInput = Schema.Struct({
  errors: Schema.optional(
    Schema.Union(Schema.Array(Schema.Unknown), Schema.Record({ key: Schema.String, value: Schema.Unknown }))
  ),
  error: Schema.optional(Schema.String)
})

/**
 * 422 as field → messages. Scalingo documents `{"errors":{"name":["…"]}}`; a scale over the limit
 * nests the message in a second array (flattened here); an older form sent `errors` as an array
 * (go-scalingo/cli#195), which lands under `base`, as does a lone `error`. Fields without a
 * message are dropped.
 */
export const InvalidInputBody = Schema.transform(RawInvalidInput, FieldMessages, {
  strict: true,
  decode: ({ errors, error }) => {
    const fields: Record<string, ReadonlyArray<string>> = {}
    if (Array.isArray(errors)) {
      const base = messagesIn(errors)
      if (base.length > 0) fields.base = base
    } else if (errors !== undefined) {
      for (const [field, value] of Object.entries(errors)) {
        const messages = messagesIn(value)
        if (messages.length > 0) fields[field] = messages
      }
    }
    if (Object.keys(fields).length === 0 && error !== undefined) fields.base = [error]
    return fields
  },
  encode: (fields) => ({ errors: fields })
})

/** 429: the documented body is the plain text `Retry later`; JSON `{error, code}` is accepted too. */
export const TooManyRequestsBody = Schema.Struct({
  error: Schema.optional(Schema.String),
  code: Schema.optional(Schema.String)
})

/**
 * Reads an error body with one of the schemas above; None when it does not fit. A body that is not
 * JSON (the 429 `Retry later`, a proxy's page) is read as `{ error: <text> }`, so both forms work.
 */
export const readErrorBody = <A, I>(schema: Schema.Schema<A, I>, text: string): Option.Option<A> =>
  Schema.decodeUnknownOption(Schema.parseJson(schema))(text).pipe(
    Option.orElse(() =>
      Schema.decodeUnknownEither(Schema.parseJson())(text)._tag === "Right"
        ? Option.none()
        : Schema.decodeUnknownOption(schema)({ error: text.trim() })
    )
  )
