import { type Context, Equal, Hash } from "effect"
import type { ScalingoAccount } from "./ScalingoAccount.js"

/**
 * A per-account cache key: equal by `account.key` only, while carrying the account so a cache
 * lookup can use its token (which never becomes part of the key's identity or its hash), and the
 * context of the caller that asked (its tally, its span), which the lookup takes once.
 */
export class AccountKey implements Equal.Equal {
  constructor(
    readonly account: ScalingoAccount,
    private requester?: Context.Context<never>
  ) {}
  /** The asking caller's context, handed over once so the cache's stored key keeps nothing of it. */
  takeRequester(): Context.Context<never> | undefined {
    const requester = this.requester
    this.requester = undefined
    return requester
  }
  [Equal.symbol](that: Equal.Equal): boolean {
    return that instanceof AccountKey && that.account.key === this.account.key
  }
  [Hash.symbol](): number {
    return Hash.string(this.account.key)
  }
}
