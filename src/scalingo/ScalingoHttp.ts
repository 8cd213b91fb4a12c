import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Clock, Data, Duration, Effect, Option, ParseResult, Random, Redacted, Schema } from "effect"
import { type RateLimited, type ScalingoError, ScalingoUnavailable, UnexpectedResponse } from "./errors.js"
import { RequestBudget } from "./RequestBudget.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { errorForStatus, retryAfterOf } from "./statusErrors.js"

export interface SendOptions {
  /** A change (app creation): sent at most once, never retried once it may have left. */
  readonly change?: boolean
  /** What a 404 is about when Scalingo's body does not say (e.g. "app"). */
  readonly resource?: string
}

/** A failed attempt, with Scalingo's Retry-After when it gave one (only the retry loop sees this). */
class AttemptFailed extends Data.TaggedError("AttemptFailed")<{
  readonly error: ScalingoError
  readonly retryAfter: Option.Option<Duration.Duration>
}> {}

const failed = (error: ScalingoError, retryAfter: Option.Option<Duration.Duration> = Option.none()) =>
  new AttemptFailed({ error, retryAfter })

/** Errors worth another try for a read: Scalingo down or slow, or its own 429. */
const isTransient = (error: ScalingoError): error is ScalingoUnavailable | RateLimited =>
  error._tag === "ScalingoUnavailable" || (error._tag === "RateLimited" && error.source === "scalingo")

/** Transport errors that prove nothing left this machine (so a change cannot have been applied). */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
])
const neverSent = (cause: unknown): boolean => {
  for (let current = cause, depth = 0; current !== null && typeof current === "object" && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

const describe = (request: HttpClientRequest.HttpClientRequest): string => {
  try {
    return `${request.method} ${new URL(request.url).pathname}`
  } catch {
    return request.method
  }
}

/** The credential values inside a request's Authorization header, so error texts can be scrubbed of them. */
const credentialsIn = (request: HttpClientRequest.HttpClientRequest, account: ScalingoAccount): Array<string> => {
  const secrets = [Redacted.value(account.apiToken)]
  const [scheme, value] = (request.headers["authorization"] ?? "").split(" ", 2)
  if (value !== undefined && value !== "") {
    secrets.push(value)
    if (scheme?.toLowerCase() === "basic")
      secrets.push(
        Buffer.from(value, "base64")
          .toString("utf8")
          .replace(/^[^:]*:/, "")
      )
  }
  return secrets
}

/**
 * The one pipeline every Scalingo call goes through: bot User-Agent, JSON, the account's request
 * budget before each attempt, a per-attempt timeout, status → tagged error, Schema decoding, and
 * bounded jittered retries for reads. Callers set the URL and credentials.
 */
export class ScalingoHttp extends Effect.Service<ScalingoHttp>()("bot/scalingo/ScalingoHttp", {
  effect: Effect.gen(function* () {
    const options = yield* ScalingoClientOptions
    const budget = yield* RequestBudget
    const client = (yield* HttpClient.HttpClient).pipe(
      HttpClient.mapRequest((request) =>
        request.pipe(HttpClientRequest.setHeader("User-Agent", options.userAgent), HttpClientRequest.acceptJson)
      ),
      HttpClient.withTracerPropagation(false)
    )
    const requestTimeout = Duration.decode(options.requestTimeout)
    const fallbackRetryAfterSeconds = Math.max(1, Math.ceil(Duration.toSeconds(options.budgetWindow)))

    const unavailable = (reason: "timeout" | "transport", mayHaveApplied: boolean, what: string) =>
      new ScalingoUnavailable({
        reason,
        mayHaveApplied,
        message:
          reason === "timeout" ? `Scalingo did not answer ${what} in time` : `Scalingo could not be reached for ${what}`
      })

    const fromHttpError = (error: HttpClientError.HttpClientError, change: boolean, what: string): ScalingoError => {
      if (error._tag === "RequestError" && error.reason !== "Transport") {
        return new UnexpectedResponse({
          status: 0,
          detail: `${what}: the request could not be built (${error.reason})`
        })
      }
      return unavailable("transport", change && !(error._tag === "RequestError" && neverSent(error.cause)), what)
    }

    /** One request: budget, send, read, map the status, decode. */
    const attempt = <A, I>(
      account: ScalingoAccount,
      request: HttpClientRequest.HttpClientRequest,
      schema: Schema.Schema<A, I>,
      change: boolean,
      resource: string,
      timeout: Duration.Duration
    ) => {
      const what = describe(request)
      return budget.take(account).pipe(
        Effect.mapError((error) => failed(error)),
        Effect.zipRight(
          client.execute(request).pipe(
            Effect.flatMap((response) => Effect.map(response.text, (text) => ({ response, text }))),
            Effect.mapError((error) => failed(fromHttpError(error, change, what))),
            Effect.timeoutFail({ duration: timeout, onTimeout: () => failed(unavailable("timeout", change, what)) })
          )
        ),
        Effect.flatMap(({ response, text }) =>
          Effect.flatMap(Clock.currentTimeMillis, (now) => {
            if (response.status >= 200 && response.status < 300) return decode(schema, text, response.status, what)
            const secrets = credentialsIn(request, account)
            const error = errorForStatus(
              { status: response.status, headers: response.headers, text, what, change, resource, secrets },
              now,
              fallbackRetryAfterSeconds
            )
            return Effect.fail(
              failed(error, response.status === 429 ? retryAfterOf(response.headers, now) : Option.none())
            )
          })
        ),
        Effect.tap(() => Effect.logDebug("scalingo request", { request: what }))
      )
    }

    const decode = <A, I>(schema: Schema.Schema<A, I>, text: string, status: number, what: string) => {
      let json: unknown
      try {
        json = text === "" ? {} : JSON.parse(text)
      } catch {
        return Effect.fail(failed(new UnexpectedResponse({ status, detail: `${what}: the body was not valid JSON` })))
      }
      return Schema.decodeUnknown(schema)(json).pipe(
        // Only the place of the mismatch: parse messages quote values, and values may be secrets.
        Effect.mapError((error) =>
          failed(new UnexpectedResponse({ status, detail: `${what}: unexpected body shape${pathOf(error)}` }))
        )
      )
    }

    /** Retries a read while it is transient, within maxAttempts and retryWithin, waiting max(backoff, Retry-After). */
    const withRetries = <A>(run: (timeout: Duration.Duration) => Effect.Effect<A, AttemptFailed>) =>
      Effect.gen(function* () {
        const deadline = (yield* Clock.currentTimeMillis) + Duration.toMillis(options.retryWithin)
        const loop = (attemptNumber: number): Effect.Effect<A, AttemptFailed> =>
          Effect.flatMap(Clock.currentTimeMillis, (now) =>
            run(Duration.millis(Math.max(1, Math.min(Duration.toMillis(requestTimeout), deadline - now)))).pipe(
              Effect.catchIf(
                (f) => isTransient(f.error),
                (f) =>
                  Effect.gen(function* () {
                    const backoff =
                      Duration.toMillis(options.retryBaseDelay) *
                      2 ** (attemptNumber - 1) *
                      (yield* Random.nextRange(0.8, 1.2))
                    const wait = Math.max(
                      backoff,
                      Option.match(f.retryAfter, { onNone: () => 0, onSome: Duration.toMillis })
                    )
                    const later = (yield* Clock.currentTimeMillis) + wait
                    if (attemptNumber >= options.maxAttempts || later >= deadline) return yield* f
                    yield* Effect.logDebug("retrying scalingo request", { attempt: attemptNumber, error: f.error._tag })
                    yield* Effect.sleep(Duration.millis(wait))
                    return yield* loop(attemptNumber + 1)
                  })
              )
            )
          )
        return yield* loop(1)
      })

    /** Sends a request (URL and credentials set by the caller) and decodes a 2xx body with `schema`. */
    const send = <A, I>(
      account: ScalingoAccount,
      request: HttpClientRequest.HttpClientRequest,
      schema: Schema.Schema<A, I>,
      sendOptions: SendOptions = {}
    ): Effect.Effect<A, ScalingoError> => {
      const change = sendOptions.change === true
      const resource = sendOptions.resource ?? "resource"
      const run = (timeout: Duration.Duration) => attempt(account, request, schema, change, resource, timeout)
      return (change ? run(requestTimeout) : withRetries(run)).pipe(
        Effect.mapError((f) => f.error),
        Effect.withSpan("ScalingoHttp.send", { attributes: { request: describe(request), change } })
      )
    }

    return { send } as const
  })
}) {}

/** Where a body stopped matching: keys and indexes only, never the values found there. */
const pathOf = (error: ParseResult.ParseError): string => {
  const path = ParseResult.ArrayFormatter.formatErrorSync(error)[0]?.path ?? []
  return path.length === 0
    ? ""
    : ` at ${path
        .map((p) =>
          String(p)
            .replace(/[^A-Za-z0-9_-]/g, "?")
            .slice(0, 40)
        )
        .join(".")}`
}
