import { Either, Option, Schema } from "effect"

/**
 * Schemas for what the bot reads back from Slack: button values and modal private_metadata. Both are
 * under the clicker's control (a forged payload can carry anything), so each is decoded with its
 * patterns and ranges, and a value that does not decode is a stale or forged button, never an error.
 */

export const AppName = Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,62}$/))
export const RegionName = Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,62}$/))
/** Slack ids are upper-case letters and digits; hyphens are tolerated (test workspaces use them). */
export const ChannelId = Schema.String.pipe(Schema.pattern(/^[A-Z0-9][A-Z0-9-]{0,30}$/))
export const MessageTs = Schema.String.pipe(Schema.pattern(/^\d{1,12}\.\d{1,8}$/))
export const SlackUserId = Schema.String.pipe(Schema.pattern(/^[A-Z0-9][A-Z0-9-]{0,30}$/))
export const ResponseUrl = Schema.String.pipe(Schema.pattern(/^https?:\/\/[^\s]{1,500}$/))
export const PageNumber = Schema.Int.pipe(Schema.between(1, 100_000))
export const PageSize = Schema.Int.pipe(Schema.between(1, 100))

/** A value carried as compact JSON in a button value or private_metadata. */
export interface Codec<A> {
  readonly encode: (value: A) => string
  /** None for anything that is not a well-formed value of this shape. */
  readonly decode: (raw: string | undefined) => Option.Option<A>
}

export const jsonCodec = <A, I>(schema: Schema.Schema<A, I>, maxLength: number): Codec<A> => {
  const json = Schema.parseJson(schema)
  const encode = Schema.encodeSync(json)
  const decode = Schema.decodeUnknownEither(json)
  return {
    encode: (value) => {
      const text = encode(value)
      // A value that does not fit would be cut by Slack and never decode: that is a bug here.
      if (text.length > maxLength) throw new Error(`encoded value too long (${text.length} > ${maxLength})`)
      return text
    },
    decode: (raw) =>
      raw === undefined || raw.length > maxLength ? Option.none() : Option.getRight(Either.map(decode(raw), (a) => a))
  }
}
