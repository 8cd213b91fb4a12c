import { Equal, Hash } from "effect"
import type { ScalingoAccount } from "./ScalingoAccount.js"

/**
 * A per-account cache key: equal by `account.key` only, while carrying the account so a cache
 * lookup can use its token (which never becomes part of the key's identity or its hash).
 */
export class AccountKey implements Equal.Equal {
  constructor(readonly account: ScalingoAccount) {}
  [Equal.symbol](that: Equal.Equal): boolean {
    return that instanceof AccountKey && that.account.key === this.account.key
  }
  [Hash.symbol](): number {
    return Hash.string(this.account.key)
  }
}
