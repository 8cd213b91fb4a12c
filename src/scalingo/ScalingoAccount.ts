import { createHash } from "node:crypto"
import { Redacted } from "effect"

/**
 * The credentials a Scalingo call acts with. `key` identifies the account for the bearer cache and
 * the request budget; it is derived from the token by a one-way hash so it can be shared across
 * replicas (Redis keys) and logged without revealing anything.
 */
export interface ScalingoAccount {
  readonly key: string
  readonly apiToken: Redacted.Redacted<string>
}

export const accountKeyOf = (apiToken: Redacted.Redacted<string>): string =>
  createHash("sha256").update(Redacted.value(apiToken)).digest("hex").slice(0, 24)

export const scalingoAccount = (apiToken: Redacted.Redacted<string>): ScalingoAccount => ({
  key: accountKeyOf(apiToken),
  apiToken
})

/** Scalingo API tokens look like `tk-us-` followed by 40+ URL-safe characters. */
export const looksLikeApiToken = (value: string): boolean => /^tk-[a-z]{2}-[A-Za-z0-9_-]{20,200}$/.test(value)
