import { Data } from "effect"

/** A Slack Web API call (or response_url POST) that did not succeed; `code` is Slack's error code. */
export class SlackApiError extends Data.TaggedError("SlackApiError")<{
  readonly method: string
  readonly code: string
  /** With `ratelimited`: how long Slack asked to wait before this method and channel are called again. */
  readonly retryAfterSeconds?: number
  /** The call went out without a clear answer (a timeout, a 5xx): Slack may have done it. Never send it again. */
  readonly maybeActed?: boolean
}> {
  override get message() {
    return `Slack ${this.method} failed: ${this.code}`
  }
}
