import { Either, ParseResult, Predicate, Schema } from "effect"

/**
 * Building blocks for decoding what Scalingo sends without ever failing on it.
 * Scalingo's docs and official clients disagree on many event fields (numbers vs strings, renamed
 * keys, null vs absent), and new fields appear without notice. A field that does not match becomes
 * `undefined` instead of failing the event, and the event never fails the page.
 */

// biome-ignore lint/suspicious/noExplicitAny: stands for a schema of any shape
type AnySchema = Schema.Schema<any, any, never>

/** Decodes with `schema`, or to `undefined` when the value does not fit. Never fails. */
export const lenient = <A, I>(schema: Schema.Schema<A, I, never>): Schema.Schema<A | undefined, unknown> => {
  const decode = ParseResult.decodeUnknownEither(schema)
  const encode = ParseResult.encodeUnknownEither(schema)
  return Schema.transformOrFail(Schema.Unknown, Schema.UndefinedOr(Schema.typeSchema(schema)), {
    strict: true,
    decode: (input, options) => ParseResult.succeed(Either.getOrUndefined(decode(input, options))),
    encode: (value, options) => (value === undefined ? ParseResult.succeed(undefined) : encode(value, options))
  })
}

/** Decodes with `schema`, or to `fallback` when the value is absent or does not fit. */
export const withFallback = <A, I>(schema: Schema.Schema<A, I, never>, fallback: A) =>
  Schema.optionalWith(
    Schema.transform(lenient(schema), Schema.typeSchema(schema), {
      strict: true,
      decode: (value) => (value === undefined ? fallback : value),
      encode: (value) => value
    }),
    { default: () => fallback }
  )

export type LenientField<S extends AnySchema> = Schema.optional<
  Schema.Schema<Schema.Schema.Type<S> | undefined, unknown>
>
export type LenientFields<S extends Record<string, AnySchema>> = { [K in keyof S]: LenientField<S[K]> }

/** Every field optional and lenient: `{ name: Text }` reads `name?: string`, whatever was sent. */
export const lenientFields = <S extends Record<string, AnySchema>>(spec: S): LenientFields<S> =>
  Object.fromEntries(
    Object.entries(spec).map(([key, schema]) => [key, Schema.optional(lenient(schema))])
  ) as unknown as LenientFields<S>

/** An object whose every field is lenient: decodes any object (a non-object fails, see `lenient`). */
export const lenientStruct = <S extends Record<string, AnySchema>>(spec: S) => Schema.Struct(lenientFields(spec))

/** An object whose every field is lenient, where anything that is not an object reads as `{}`. */
export const objectOrEmpty = <S extends Record<string, AnySchema>>(spec: S) => {
  const struct = lenientStruct(spec)
  // The fields of a generic spec have no context, but TypeScript cannot see it through the mapping.
  const plain = struct as unknown as Schema.Schema<typeof struct.Type, typeof struct.Encoded, never>
  const decode = ParseResult.decodeUnknownEither(plain)
  const encode = ParseResult.encodeUnknownEither(plain)
  return Schema.transformOrFail(Schema.Unknown, Schema.typeSchema(struct), {
    strict: true,
    decode: (input, options) => decode(Predicate.isRecord(input) ? input : {}, options),
    encode: (value, options) => encode(value, options)
  })
}

/** An array that keeps the items that fit and drops the others; a non-array fails. */
export const lenientArray = <A, I>(item: Schema.Schema<A, I, never>) => {
  const decodeItem = ParseResult.decodeUnknownEither(item)
  return Schema.transformOrFail(Schema.Unknown, Schema.Array(Schema.typeSchema(item)), {
    strict: true,
    decode: (input, options, ast) =>
      Array.isArray(input)
        ? ParseResult.succeed(
            input.flatMap((value) =>
              Either.match(decodeItem(value, options), { onLeft: () => [], onRight: (a) => [a] })
            )
          )
        : ParseResult.fail(new ParseResult.Type(ast, input, "expected an array")),
    encode: (values, options) => ParseResult.encodeUnknownEither(Schema.Array(item))(values, options)
  })
}

/** A string-keyed map that keeps the entries that fit and drops the others; a non-object fails. */
export const lenientRecord = <A, I>(value: Schema.Schema<A, I, never>) => {
  const decodeValue = ParseResult.decodeUnknownEither(value)
  return Schema.transformOrFail(
    Schema.Unknown,
    Schema.Record({ key: Schema.String, value: Schema.typeSchema(value) }),
    {
      strict: true,
      decode: (input, options, ast) => {
        if (!Predicate.isRecord(input)) return ParseResult.fail(new ParseResult.Type(ast, input, "expected an object"))
        const entries: Record<string, A> = {}
        for (const [key, raw] of Object.entries(input)) {
          Either.map(decodeValue(raw, options), (decoded) => (entries[key] = decoded))
        }
        return ParseResult.succeed(entries)
      },
      encode: (entries, options) =>
        ParseResult.encodeUnknownEither(Schema.Record({ key: Schema.String, value }))(entries, options)
    }
  )
}

/** Text: a string, or a number read as its decimal text (ids and versions come both ways). */
export const Text = Schema.Union(
  Schema.String,
  Schema.transform(Schema.Finite, Schema.String, { strict: true, decode: (n) => String(n), encode: (s) => Number(s) })
)

/** A finite number, or a string holding one (Go's `,string` tags send numbers as text). */
export const Num = Schema.Union(
  Schema.Finite,
  Schema.transformOrFail(Schema.String, Schema.Finite, {
    strict: true,
    decode: (text, _, ast) => {
      const n = text.trim() === "" ? Number.NaN : Number(text)
      return Number.isFinite(n)
        ? ParseResult.succeed(n)
        : ParseResult.fail(new ParseResult.Type(ast, text, "not a number"))
    },
    encode: (n) => ParseResult.succeed(String(n))
  })
)

/** A boolean, or the strings "true"/"false". */
export const Bool = Schema.Union(
  Schema.Boolean,
  Schema.transform(Schema.Literal("true", "false"), Schema.Boolean, {
    strict: true,
    decode: (text) => text === "true",
    encode: (b) => (b ? "true" : "false")
  })
)

/** Any JSON scalar, kept as sent (project settings mix strings and booleans). */
export const Scalar = Schema.Union(Schema.String, Schema.Finite, Schema.Boolean)

/** A list of texts, dropping anything that is not one. */
export const TextList = lenientArray(Text)
