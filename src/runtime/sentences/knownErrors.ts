import { Predicate } from "effect"
import type { DeadLink, NoLinkedAccount } from "../../accounts/errors.js"
import type { TooManyLogins } from "../../accounts/LoginAttempts.js"
import type { ScalingoError } from "../../scalingo/errors.js"
import type { StorageError } from "../../storage/StorageError.js"
import type { ReplyFailed } from "../replies/Reply.js"

/**
 * Every failure a handler may end with. Each has a sentence (`sentences/english.ts`, keyed by tag): a
 * new tagged error a handler can fail with must be added here, and the type check then asks for its
 * sentence. Failures of ours (storage, Slack refusing a reply) read as an apology with a reference.
 */
export type KnownError = ScalingoError | NoLinkedAccount | DeadLink | TooManyLogins | StorageError | ReplyFailed
export type KnownTag = KnownError["_tag"]
/** Failures of ours: read as an apology with a reference, never described. */
export type OurFailure = StorageError | ReplyFailed
/** The known errors a person is told about in a sentence of their own. */
export type DescribedError = Exclude<KnownError, OurFailure>
export type ErrorOf<T extends KnownTag> = Extract<KnownError, { readonly _tag: T }>

const KNOWN: { readonly [T in KnownTag]: true } = {
  NoLinkedAccount: true,
  DeadLink: true,
  TokenRejected: true,
  Unauthorized: true,
  PaymentRequired: true,
  Forbidden: true,
  NotFound: true,
  Conflict: true,
  InvalidInput: true,
  BadRequest: true,
  RateLimited: true,
  ScalingoUnavailable: true,
  UnexpectedResponse: true,
  TooManyLogins: true,
  StorageError: true,
  ReplyFailed: true
}

/** The tag of anything tagged (an error's `_tag`), for logs and outcomes. */
export const tagOf = (value: unknown): string | undefined =>
  Predicate.hasProperty(value, "_tag") && Predicate.isString(value._tag) ? value._tag : undefined

export const isKnownError = (value: unknown): value is KnownError => {
  const tag = tagOf(value)
  return tag !== undefined && Object.hasOwn(KNOWN, tag)
}

/** Narrows to one known error, without a cast. */
export const isError =
  <T extends KnownTag>(tag: T) =>
  (value: unknown): value is ErrorOf<T> =>
    tagOf(value) === tag
