import { Schema } from "effect"

/**
 * Every way a Scalingo call can fail, one error per thing a person can act on.
 * None of them carries a token or a bearer: fields hold only what Scalingo said about the request.
 */

/**
 * Which request failed, for logs only (people read sentences from errorMessages): `request` is
 * `METHOD /path/template` (`GET /v1/apps/{app}/events`) and `app` the app it named. Never a
 * token, a bearer, a query string or a body.
 */
const origin = {
  request: Schema.optional(Schema.String),
  app: Schema.optional(Schema.String)
}

/** The origin fields of an error, to copy them onto another one made from it. */
export interface RequestOrigin {
  readonly request?: string
  readonly app?: string
}

/** 401 from the regional API even after one fresh exchange: usually no access to that resource. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  message: Schema.String,
  ...origin
}) {}

/** The API token itself was refused at exchange: the link is dead and the person must relink. */
export class TokenRejected extends Schema.TaggedError<TokenRejected>()("TokenRejected", {
  message: Schema.String,
  ...origin
}) {}

/** 400: Scalingo could not read what we sent. */
export class BadRequest extends Schema.TaggedError<BadRequest>()("BadRequest", {
  message: Schema.String,
  ...origin
}) {}

/** 402: billing needs attention; `url` is the page Scalingo points to. */
export class PaymentRequired extends Schema.TaggedError<PaymentRequired>()("PaymentRequired", {
  message: Schema.String,
  url: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  ...origin
}) {}

/** 403: not allowed; `code` is Scalingo's reason when given (e.g. `region_disabled`). */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  message: Schema.String,
  code: Schema.optional(Schema.String),
  ...origin
}) {}

/** 404: the resource (`app`, `container_type`, …) does not exist or the account cannot see it. */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  resource: Schema.String,
  message: Schema.String,
  ...origin
}) {}

/** 409: the change conflicts with the resource's current state. */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  message: Schema.String,
  ...origin
}) {}

/** 422: field → messages. The historic array form lands under the field `base`. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  fields: Schema.Record({ key: Schema.String, value: Schema.Array(Schema.String) }),
  ...origin
}) {}

/** 429 from Scalingo, or our own per-account budget spent. */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  retryAfterSeconds: Schema.Number,
  source: Schema.Literal("scalingo", "budget"),
  ...origin
}) {}

/** 5xx, timeout or transport failure. `mayHaveApplied` is true when a change may have reached Scalingo. */
export class ScalingoUnavailable extends Schema.TaggedError<ScalingoUnavailable>()("ScalingoUnavailable", {
  reason: Schema.Literal("server-error", "timeout", "transport"),
  status: Schema.optional(Schema.Number),
  mayHaveApplied: Schema.Boolean,
  message: Schema.String,
  ...origin
}) {}

/** A body we could not decode (or a status we do not know). `detail` never quotes the body. */
export class UnexpectedResponse extends Schema.TaggedError<UnexpectedResponse>()("UnexpectedResponse", {
  status: Schema.Number,
  detail: Schema.String,
  ...origin
}) {}

export type ScalingoError =
  | Unauthorized
  | TokenRejected
  | BadRequest
  | PaymentRequired
  | Forbidden
  | NotFound
  | Conflict
  | InvalidInput
  | RateLimited
  | ScalingoUnavailable
  | UnexpectedResponse
