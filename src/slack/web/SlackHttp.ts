import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Clock, Duration, Effect, Either, Option } from "effect"
import { type AttemptFailed, ambiguousFailure, classify, failedWith, retrySchedule } from "./attempts.js"
import { makeRateLimitLanes } from "./RateLimitLanes.js"
import { SlackApiError } from "./SlackApiError.js"
import { SlackRetryPolicy } from "./SlackRetryPolicy.js"

/** One request to Slack and how patient to be with it. */
export interface Delivery {
  /** Names the call in errors, logs and spans ("chat.postMessage", "response_url"). */
  readonly method: string
  readonly request: HttpClientRequest.HttpClientRequest
  /** The rate-limit lane (method and channel); none for modal calls, which never wait behind anything. */
  readonly lane: Option.Option<string>
  /** False: a 429 fails at once with Slack's code, for callers that pace themselves (chat.update). */
  readonly waitWhenLimited: boolean
  /** No wait starts past this long after the call began (a trigger's life); the policy's maxWaitMs by default. */
  readonly budgetMs?: number
  /**
   * Whether sending it twice does no more than sending it once (an edit, a read). A post is not: after a
   * timeout or a 5xx it is never sent again, only after a failure Slack certainly did not act on.
   */
  readonly idempotent: boolean
}

export interface SlackHttpService {
  /** The 2xx body Slack answered (parsed JSON, or the text when it is not JSON). */
  readonly deliver: (delivery: Delivery) => Effect.Effect<unknown, SlackApiError>
}

/** Failures of the connection itself, before a byte of the request reached Slack. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"])

const causeCode = (cause: unknown): unknown =>
  typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined

const transportFailure = (error: HttpClientError.HttpClientError): AttemptFailed => {
  if (error._tag === "RequestError" && error.reason !== "Transport")
    return failedWith(error.reason === "InvalidUrl" ? "invalid_url" : "request_failed", false)
  const code = causeCode(error.cause)
  return error._tag === "RequestError" && typeof code === "string" && NEVER_SENT.has(code)
    ? failedWith("request_failed", true)
    : ambiguousFailure("request_failed")
}

/**
 * The one pipeline every Slack request goes through (Web API, response_url, file upload): a timeout per
 * attempt, the lane's rate-limit pause, status and `ok:false` to a failed attempt, and the retry schedule.
 */
export const makeSlackHttp = Effect.gen(function* () {
  const policy = yield* SlackRetryPolicy
  const client = yield* HttpClient.HttpClient
  const lanes = yield* makeRateLimitLanes

  const attempt = (delivery: Delivery, deadline: number) =>
    Effect.gen(function* () {
      if (Option.isSome(delivery.lane)) yield* lanes.enter(delivery.lane.value, deadline, delivery.waitWhenLimited)
      const answer = yield* client.execute(delivery.request).pipe(
        Effect.flatMap((response) => Effect.map(response.text, (text) => ({ response, text }))),
        Effect.mapError(transportFailure),
        Effect.timeoutFail({
          duration: Duration.millis(policy.requestTimeoutMs),
          onTimeout: () => ambiguousFailure("timeout")
        })
      )
      const now = yield* Clock.currentTimeMillis
      const outcome = classify(answer.response.status, answer.response.headers, answer.text, now)
      if (Either.isRight(outcome)) return outcome.right
      const failure = outcome.left
      if (Option.isSome(failure.retryAfter) && Option.isSome(delivery.lane))
        yield* lanes.pause(delivery.lane.value, failure.retryAfter.value)
      // A caller that paces itself hears about a 429 at once; the others wait it out if it fits their budget.
      return yield* Option.isSome(failure.retryAfter) && !delivery.waitWhenLimited
        ? failedWith(failure.code, false, failure.retryAfter)
        : failure
    })

  const deliver = (delivery: Delivery) =>
    Effect.gen(function* () {
      const deadline = (yield* Clock.currentTimeMillis) + (delivery.budgetMs ?? policy.maxWaitMs)
      return yield* attempt(delivery, deadline).pipe(
        Effect.retry(
          retrySchedule(policy, deadline, {
            idempotent: delivery.idempotent,
            laneWaits: Option.isSome(delivery.lane)
          })
        ),
        Effect.mapError(
          (failure) =>
            new SlackApiError({
              method: delivery.method,
              code: failure.code,
              ...(failure.ambiguous ? { maybeActed: true } : {}),
              ...Option.match(failure.retryAfter, {
                onNone: () => ({}),
                onSome: (d) => ({ retryAfterSeconds: Math.ceil(Duration.toSeconds(d)) })
              })
            })
        )
      )
    }).pipe(Effect.withSpan(`SlackWeb.${delivery.method}`, { captureStackTrace: false }))

  return { deliver } satisfies SlackHttpService
})
