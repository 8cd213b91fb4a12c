import { Context } from "effect"

export interface SlackRetryPolicyValues {
  /** Retries after the first attempt, for Slack busy (5xx, 429) or unreachable. */
  readonly retries: number
  /** Exponential backoff: the first delay, its growth factor and its cap, in ms. */
  readonly minTimeout: number
  readonly factor: number
  readonly maxTimeout: number
  /** One attempt is abandoned after this long. */
  readonly requestTimeoutMs: number
  /** No wait (backoff or Retry-After) is started past this long after the call began. */
  readonly maxWaitMs: number
  /** A trigger_id lives 3 s from the click; a modal opened later than this after the call began is too late. */
  readonly triggerLifeMs: number
}

/** How hard to retry Slack: a few quick retries suit user-facing replies (the SDK default is 30 minutes). */
export class SlackRetryPolicy extends Context.Reference<SlackRetryPolicy>()("bot/slack/SlackRetryPolicy", {
  defaultValue: (): SlackRetryPolicyValues => ({
    retries: 2,
    factor: 2,
    minTimeout: 300,
    maxTimeout: 3_000,
    requestTimeoutMs: 10_000,
    maxWaitMs: 15_000,
    triggerLifeMs: 2_500
  })
}) {}
