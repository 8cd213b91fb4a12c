import { Context, Effect, Layer } from "effect"

/**
 * Makes a modal submission take effect once: Slack may retry a request and people double-click.
 * The key is the view's id, unique per opened modal.
 */
export interface SubmissionClaimsService {
  /** True the first time a key is claimed, false while it stays claimed. */
  readonly claim: (key: string) => Effect.Effect<boolean, unknown>
  /** Frees a key after a failure that changed nothing, so the person can correct and resubmit. */
  readonly release: (key: string) => Effect.Effect<void, unknown>
}

export class SubmissionClaims extends Context.Tag("bot/commands/SubmissionClaims")<SubmissionClaims, SubmissionClaimsService>() {
  /** One process only; the SQL-backed store shares claims between replicas. */
  static readonly memory = Layer.sync(SubmissionClaims, () => {
    const claimed = new Map<string, number>()
    return SubmissionClaims.of({
      claim: (key) => Effect.sync(() => {
        const now = Date.now()
        for (const [k, at] of claimed) if (now - at > 3_600_000) claimed.delete(k)
        if (claimed.has(key)) return false
        claimed.set(key, now)
        return true
      }),
      release: (key) => Effect.sync(() => void claimed.delete(key))
    })
  })
}
