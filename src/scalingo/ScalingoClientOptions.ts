import { Context, Duration, Layer } from "effect"

/** The bot's name as Scalingo sees it in every request (kept in step with package.json). */
export const BOT_USER_AGENT = "scalingo-slack-bot/0.1.0 (Slack chat-ops bot; node)"

/**
 * How the Scalingo client behaves: timeouts, retry bounds, the request-budget window and cache
 * lifetimes. Defaults suit production; tests shrink them so nothing waits long.
 */
export interface ScalingoClientSettings {
  /** One HTTP exchange, from sending to the last body byte. */
  readonly requestTimeout: Duration.DurationInput
  /** Attempts for a read, the first included. */
  readonly maxAttempts: number
  /** A read and its retries end within this, whatever the attempt count. */
  readonly retryWithin: Duration.DurationInput
  /** The first retry delay; doubled each time, with jitter. */
  readonly retryBaseDelay: Duration.DurationInput
  /** The window `scalingoRequestsPerMinute` applies to (60 s in production). */
  readonly budgetWindow: Duration.DurationInput
  /**
   * How much later one request may reach Scalingo than another sent after it (new connections, a
   * busy event loop). The budget is spaced so that even then no window holds more than the limit.
   * 3 s: with 300 commands arriving at once the benchmark saw grants reach Scalingo up to ~3 s late.
   */
  readonly budgetJitterAllowance: Duration.DurationInput
  /** The longest a request waits in its account's line; a longer wait fails at once with RateLimited. */
  readonly maxBudgetWait: Duration.DurationInput
  /** A request still waiting for its budget after this tells BudgetWaitNotice (once). */
  readonly budgetNoticeAfter: Duration.DurationInput
  /** One Redis budget command; past it (or when Redis fails) this replica counts on its own for a while. */
  readonly budgetStoreTimeout: Duration.DurationInput
  /** Prefixes every budget key (Redis keys included), so deployments or test runs can be kept apart. */
  readonly budgetKeyPrefix: string
  readonly userAgent: string
  /** How long one account's region list is reused. */
  readonly regionsTtl: Duration.DurationInput
  /** A bearer is replaced once less than this remains of its validity. */
  readonly bearerRefreshMargin: Duration.DurationInput
}

export const defaultScalingoClientSettings: ScalingoClientSettings = {
  requestTimeout: Duration.seconds(10),
  maxAttempts: 4,
  retryWithin: Duration.seconds(15),
  retryBaseDelay: Duration.millis(300),
  budgetWindow: Duration.seconds(60),
  budgetJitterAllowance: Duration.seconds(3),
  maxBudgetWait: Duration.seconds(30),
  budgetNoticeAfter: Duration.millis(1_500),
  budgetStoreTimeout: Duration.seconds(1),
  budgetKeyPrefix: "scalingo-budget:",
  userAgent: BOT_USER_AGENT,
  regionsTtl: Duration.minutes(10),
  bearerRefreshMargin: Duration.minutes(5)
}

/**
 * The longest one Scalingo call may take, its retries included: its turn in the budget's line,
 * then at most `retryWithin` from its first send (every later attempt and wait fits inside).
 */
export const callBound = (settings: ScalingoClientSettings): Duration.Duration =>
  Duration.sum(Duration.sum(settings.maxBudgetWait, settings.retryWithin), Duration.seconds(1))

export class ScalingoClientOptions extends Context.Reference<ScalingoClientOptions>()(
  "bot/scalingo/ScalingoClientOptions",
  { defaultValue: () => defaultScalingoClientSettings }
) {
  /** The defaults with some settings replaced. */
  static readonly layer = (overrides: Partial<ScalingoClientSettings>) =>
    Layer.succeed(ScalingoClientOptions, { ...defaultScalingoClientSettings, ...overrides })
}
