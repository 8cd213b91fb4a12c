import type * as Headers from "@effect/platform/Headers"
import { Data, Duration, Either, Option } from "effect"
import { backoff } from "../../http/backoff.js"
import { retryAfterOf } from "../../http/retryAfter.js"
import type { SlackRetryPolicyValues } from "./SlackRetryPolicy.js"

/** One attempt that did not succeed; only the retry loop sees it, callers get a SlackApiError. */
export class AttemptFailed extends Data.TaggedError("AttemptFailed")<{
  readonly code: string
  /** Slack busy or unreachable: worth another try. A refusal (`ok:false`, a 4xx) never is. */
  readonly transient: boolean
  /** Slack's Retry-After on a 429. */
  readonly retryAfter: Option.Option<Duration.Duration>
  /**
   * The request went out and no clear answer came back (a timeout, a reset connection, a 5xx): Slack may
   * have acted on it, so a call that is not idempotent is never sent again.
   */
  readonly ambiguous: boolean
}> {}

export const failedWith = (
  code: string,
  transient: boolean,
  retryAfter: Option.Option<Duration.Duration> = Option.none()
) => new AttemptFailed({ code, transient, retryAfter, ambiguous: false })

/** A failure after which Slack may or may not have acted. */
export const ambiguousFailure = (code: string) =>
  new AttemptFailed({ code, transient: true, retryAfter: Option.none(), ambiguous: true })

/** Slack's error codes are snake_case words; anything else in a body is cut down before it reaches a log. */
const safeCode = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value.replace(/[^\w.-]/g, "").slice(0, 80) : undefined

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * What one Slack answer means: a 2xx body (parsed JSON, or the text when it is not JSON), or a failed
 * attempt. `{"ok":false}` is Slack's refusal whatever the status; 429, 408 and 5xx are Slack busy. A 429
 * is documented as refused before anything is done; a 408 or a 5xx is not, so it leaves the outcome unknown.
 */
export const classify = (
  status: number,
  headers: Headers.Headers,
  text: string,
  now: number
): Either.Either<unknown, AttemptFailed> => {
  const body = parsed(text)
  const refused = (body as { ok?: unknown } | undefined)?.ok === false
  const code = refused ? safeCode((body as { error?: unknown }).error) : undefined
  if (status === 429) return Either.left(failedWith("ratelimited", true, retryAfterOf(headers, now)))
  if (status >= 500 || status === 408) return Either.left(ambiguousFailure(`http_${status}`))
  if (status >= 200 && status < 300 && !refused) return Either.right(body ?? text)
  return Either.left(failedWith(code ?? (refused ? "unknown_error" : `http_${status}`), false))
}

/**
 * Retries for Slack busy: jittered exponential backoff (capped), a bounded number of times, never sooner
 * than Slack's Retry-After, and no wait that would end past `deadline` (epoch ms). A refusal stops at once,
 * and so does an ambiguous failure of a call that is not idempotent (a post sent twice shows twice).
 */
export const retrySchedule = (
  policy: SlackRetryPolicyValues,
  deadline: number,
  options: {
    readonly idempotent: boolean
    /** The next attempt waits out Retry-After in its lane (turn given back), so the schedule need not. */
    readonly laneWaits: boolean
  }
) =>
  backoff<AttemptFailed>({
    first: Duration.millis(policy.minTimeout),
    factor: policy.factor,
    cap: Duration.millis(policy.maxTimeout),
    retries: policy.retries,
    // A post Slack may have made is never sent again: none rather than two.
    worthRetrying: (failure) => failure.transient && (options.idempotent || !failure.ambiguous),
    retryAfter: (failure) => (options.laneWaits ? Option.none() : failure.retryAfter),
    mayStartAt: (at) => at <= deadline
  })
