import type * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Clock, Deferred, Duration, Effect, FiberRef, Redacted } from "effect"
import type { BodyReader } from "./bodyReaders.js"
import { type BodyTooLarge, readBounded } from "./boundedBody.js"
import { RateLimited, type ScalingoError, UnexpectedResponse } from "./errors.js"
import { RequestBudget } from "./RequestBudget.js"
import { countRequest } from "./RequestTally.js"
import { type AttemptFailed, attemptFailed, retrySchedule } from "./retryPolicy.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoClientOptions } from "./ScalingoClientOptions.js"
import { labelOf, originOf, type ScalingoRequest, toHttpRequest } from "./ScalingoRequest.js"
import { credentialsIn, statusFailure } from "./statusErrors.js"
import { fromHttpError, timedOut } from "./transportErrors.js"

/** A 2xx answer: its status and headers (e.g. a 202's `Location`) and the body as read. */
export interface ScalingoReply<A> {
  readonly status: number
  readonly headers: Headers.Headers
  readonly body: A
}

/**
 * Annotates the current span only when tracing is on: with the tracer off (no collector), Effect's
 * `annotateCurrentSpan` builds a NoSuchElementException, stack trace included, on every call.
 */
const annotateSpan = (key: string, value: unknown) =>
  Effect.flatMap(FiberRef.get(FiberRef.currentTracerEnabled), (enabled) =>
    enabled ? Effect.annotateCurrentSpan(key, value) : Effect.void
  )

/** What one call keeps across its attempts. */
interface CallState {
  attempts: number
  /** When the budget first let it go: retries must start within `retryWithin` of it. */
  firstSentAt: number | undefined
}

/**
 * The one pipeline every Scalingo call goes through, built from the platform's parts: the
 * account's budget as a request transform (its turn in line, then the tally), status → tagged
 * error as a response transform (the body read within the attempt's timeout), a Schedule for
 * retries, a span and a debug line per attempt. Callers give the request and its credentials.
 */
export class ScalingoHttp extends Effect.Service<ScalingoHttp>()("bot/scalingo/ScalingoHttp", {
  effect: Effect.gen(function* () {
    const options = yield* ScalingoClientOptions
    const budget = yield* RequestBudget
    const platform = (yield* HttpClient.HttpClient).pipe(
      HttpClient.mapRequest(HttpClientRequest.setHeader("User-Agent", options.userAgent)),
      // The span per attempt is ours: the platform's would trace the full URL, logs_url's token included.
      HttpClient.withTracerDisabledWhen(() => true),
      HttpClient.withTracerPropagation(false)
    )
    const requestTimeout = Duration.toMillis(options.requestTimeout)
    const retryWithin = Duration.toMillis(options.retryWithin)
    const fallbackRetryAfterSeconds = Math.max(1, Math.ceil(Duration.toSeconds(options.budgetWindow)))

    const attempt = (
      account: ScalingoAccount,
      request: ScalingoRequest,
      outgoing: HttpClientRequest.HttpClientRequest,
      call: CallState
    ) =>
      Effect.gen(function* () {
        const number = ++call.attempts
        const [label, origin] = [labelOf(request), originOf(request)]
        const deadline = () => (call.firstSentAt ?? Number.POSITIVE_INFINITY) + retryWithin
        const sent = yield* Deferred.make<number>()
        const queuedFrom = yield* Clock.currentTimeMillis
        let sentAt: number | undefined
        let status: number | undefined

        const takeTurn = (ready: HttpClientRequest.HttpClientRequest) =>
          Effect.gen(function* () {
            // A retry waits in line only as long as its call may still run.
            const now = yield* Clock.currentTimeMillis
            const left = call.firstSentAt === undefined ? undefined : Duration.millis(Math.max(0, deadline() - now))
            yield* budget.take(account, left)
            const at = yield* Clock.currentTimeMillis
            call.firstSentAt ??= at
            yield* annotateSpan("scalingo.queued_ms", at - queuedFrom)
            yield* countRequest(label)
            sentAt = at
            yield* Deferred.succeed(sent, at)
            return ready
          })

        const failure = (error: HttpClientError.HttpClientError | RateLimited | BodyTooLarge): AttemptFailed =>
          attemptFailed(
            error._tag === "RateLimited"
              ? new RateLimited({ source: error.source, retryAfterSeconds: error.retryAfterSeconds, ...origin })
              : error._tag === "BodyTooLarge"
                ? new UnexpectedResponse({
                    status: status ?? 0,
                    detail: `${label}: the answer was over ${error.limit / 1024 / 1024} MiB; it was not read further`,
                    ...origin
                  })
                : fromHttpError(error, label, request.change, origin)
          )

        const checkStatus = (response: HttpClientResponse.HttpClientResponse) =>
          Effect.gen(function* () {
            status = response.status
            yield* annotateSpan("http.response.status_code", response.status)
            if (response.status >= 200 && response.status < 300) return response
            const [text, now] = [yield* Effect.orElseSucceed(response.text, () => ""), yield* Clock.currentTimeMillis]
            const call = { what: label, change: request.change, resource: request.resource ?? "resource", origin }
            const secrets = credentialsIn(response.request, account.apiToken)
            return yield* Effect.fail(
              statusFailure(response, text, { ...call, secrets }, now, fallbackRetryAfterSeconds)
            )
          })

        // The attempt's timeout counts from the moment the budget lets it go, not while it waits in line.
        const timer = Effect.flatMap(Deferred.await(sent), (at) =>
          Effect.sleep(Duration.millis(Math.max(1, Math.min(requestTimeout, deadline() - at))))
        ).pipe(Effect.zipRight(Effect.failSync(() => attemptFailed(timedOut(label, request.change, origin)))))

        // One debug line per attempt that was sent: which request, its status (0: no answer), how long.
        const logged = Effect.suspend(() =>
          sentAt === undefined
            ? Effect.void
            : Effect.flatMap(Clock.currentTimeMillis, (end) =>
                Effect.logDebug("scalingo request").pipe(
                  Effect.annotateLogs({ request: label, attempt: number, status: status ?? 0 }),
                  Effect.annotateLogs({ duration_ms: end - (sentAt ?? end), ...originOf(request) })
                )
              )
        )

        const client = platform.pipe(
          HttpClient.mapRequestEffect(takeTurn),
          HttpClient.transformResponse((response) =>
            response.pipe(
              Effect.tap((answered) => {
                status = answered.status
              }),
              Effect.flatMap((answered) => readBounded(answered)),
              Effect.mapError(failure),
              Effect.flatMap(checkStatus),
              Effect.raceFirst(timer),
              Effect.ensuring(logged)
            )
          )
        )
        return yield* client.execute(outgoing).pipe(
          Effect.withSpan(`Scalingo ${label}`, {
            kind: "client",
            captureStackTrace: false,
            attributes: {
              "http.request.method": request.method,
              "url.template": request.template,
              "scalingo.attempt": number,
              ...(request.region === undefined ? {} : { "scalingo.region": request.region }),
              ...(Redacted.isRedacted(request.url) ? {} : { "server.address": new URL(request.url).origin })
            }
          })
        )
      })

    /** Sends `request` (credentials set by `authorize`) and reads a 2xx body with `read`. */
    const send = <A>(
      account: ScalingoAccount,
      request: ScalingoRequest,
      authorize: (outgoing: HttpClientRequest.HttpClientRequest) => HttpClientRequest.HttpClientRequest,
      read: BodyReader<A>
    ): Effect.Effect<ScalingoReply<A>, ScalingoError> =>
      Effect.suspend(() => {
        const call: CallState = { attempts: 0, firstSentAt: undefined }
        const outgoing = authorize(toHttpRequest(request))
        const deadline = () => (call.firstSentAt ?? Number.POSITIVE_INFINITY) + retryWithin
        return Effect.suspend(() => attempt(account, request, outgoing, call)).pipe(
          Effect.retry(retrySchedule(options, request.change, deadline)),
          Effect.mapError((failed) => failed.error),
          Effect.flatMap((response) =>
            read(response).pipe(
              Effect.map((body) => ({ status: response.status, headers: response.headers, body })),
              Effect.mapError(
                (detail) =>
                  new UnexpectedResponse({
                    status: response.status,
                    detail: `${labelOf(request)}: ${detail}`,
                    ...originOf(request)
                  })
              )
            )
          )
        )
      })

    return { send } as const
  })
}) {}
