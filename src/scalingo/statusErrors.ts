import type * as Headers from "@effect/platform/Headers"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Duration, Option, Redacted } from "effect"
import { retryAfterOf } from "../http/retryAfter.js"
import {
  BadRequest,
  Conflict,
  Forbidden,
  InvalidInput,
  NotFound,
  PaymentRequired,
  RateLimited,
  type RequestOrigin,
  type ScalingoError,
  ScalingoUnavailable,
  Unauthorized,
  UnexpectedResponse
} from "./errors.js"
import { type AttemptFailed, attemptFailed } from "./retryPolicy.js"
import {
  ErrorMessageBody,
  ForbiddenBody,
  InvalidInputBody,
  NotFoundBody,
  PaymentRequiredBody,
  readErrorBody
} from "./schemas/errorBodies.js"

/** What is known about a request when its answer is an error. */
export interface FailedCall {
  readonly status: number
  readonly headers: Headers.Headers
  readonly text: string
  /** `POST /v1/apps`: for details, never with a query string. */
  readonly what: string
  /** A change (app creation): a 5xx may mean it was applied. */
  readonly change: boolean
  /** The resource a 404 is about when Scalingo's body does not say. */
  readonly resource: string
  /** Values that must never appear in an error: the API token, the bearer. */
  readonly secrets: ReadonlyArray<string>
  /** The request, for logs: copied onto the error. */
  readonly origin: RequestOrigin
}

/** The credential values of a request (its Authorization header, the API token), so error texts can be scrubbed. */
export const credentialsIn = (
  request: HttpClientRequest.HttpClientRequest,
  apiToken: Redacted.Redacted<string>
): Array<string> => {
  const secrets = [Redacted.value(apiToken)]
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

const MAX_MESSAGE = 300

/** Scalingo's own words, minus anything that looks like a credential, kept short. */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string => {
  let clean = text
  for (const secret of secrets) if (secret.length >= 8) clean = clean.split(secret).join("[redacted]")
  clean = clean
    .replace(/\btk-[a-z]{2}-[A-Za-z0-9_-]+/g, "[redacted]")
    .replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, "[redacted]")
    .replace(/\s+/g, " ")
    .trim()
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean
}

/** A non-2xx answer as a failed attempt, with Scalingo's Retry-After (if any) for the retry schedule. */
export const statusFailure = (
  response: Pick<HttpClientResponse.HttpClientResponse, "status" | "headers">,
  text: string,
  call: Omit<FailedCall, "status" | "headers" | "text">,
  now: number,
  fallbackRetryAfterSeconds: number
): AttemptFailed =>
  attemptFailed(
    errorForStatus(
      { ...call, status: response.status, headers: response.headers, text },
      now,
      fallbackRetryAfterSeconds
    ),
    response.status === 429 ? retryAfterOf(response.headers, now) : Option.none()
  )

/** The tagged error for a non-2xx answer. `fallbackRetryAfterSeconds` is used for a 429 that does not say. */
export const errorForStatus = (call: FailedCall, now: number, fallbackRetryAfterSeconds: number): ScalingoError => {
  const said = (fallback: string, error: string | undefined) =>
    error === undefined || error.trim() === "" ? fallback : scrub(error, call.secrets)
  const messageOf = (fallback: string) =>
    said(fallback, Option.getOrUndefined(readErrorBody(ErrorMessageBody, call.text))?.error)
  const { status, origin } = call
  switch (status) {
    case 400:
      return new BadRequest({ message: messageOf("Scalingo could not read the request"), ...origin })
    case 401:
      return new Unauthorized({
        message: messageOf("Scalingo did not accept the credentials for this request"),
        ...origin
      })
    case 402: {
      const body = Option.getOrElse(
        readErrorBody(PaymentRequiredBody, call.text),
        () => ({}) as typeof PaymentRequiredBody.Type
      )
      return new PaymentRequired({
        message: said("The Scalingo account's billing needs attention", body.error),
        ...(body.url === undefined ? {} : { url: scrub(body.url, call.secrets) }),
        ...(body.name === undefined ? {} : { name: scrub(body.name, call.secrets) }),
        ...origin
      })
    }
    case 403: {
      const body = Option.getOrElse(readErrorBody(ForbiddenBody, call.text), () => ({}) as typeof ForbiddenBody.Type)
      return new Forbidden({
        message: said("Scalingo does not allow this request", body.error),
        ...(body.code === undefined ? {} : { code: scrub(body.code, call.secrets) }),
        ...origin
      })
    }
    case 404: {
      const body = Option.getOrElse(readErrorBody(NotFoundBody, call.text), () => ({}) as typeof NotFoundBody.Type)
      return new NotFound({
        resource: body.resource === undefined ? call.resource : scrub(body.resource, call.secrets),
        message: said("not found", body.error),
        ...origin
      })
    }
    case 409:
      return new Conflict({ message: messageOf("The change conflicts with the resource's current state"), ...origin })
    case 422: {
      const fields = Option.getOrElse(readErrorBody(InvalidInputBody, call.text), () => ({}))
      const clean = Object.fromEntries(
        Object.entries(fields).map(([field, messages]) => [
          scrub(field, call.secrets),
          messages.map((m) => scrub(m, call.secrets))
        ])
      )
      return new InvalidInput({
        fields: Object.keys(clean).length > 0 ? clean : { base: ["Scalingo refused the input"] },
        ...origin
      })
    }
    case 429:
      return new RateLimited({
        source: "scalingo",
        retryAfterSeconds: Option.match(retryAfterOf(call.headers, now), {
          onNone: () => fallbackRetryAfterSeconds,
          onSome: (d) => Math.max(1, Math.ceil(Duration.toSeconds(d)))
        }),
        ...origin
      })
  }
  if (status >= 500 && status <= 599) {
    return new ScalingoUnavailable({
      reason: "server-error",
      status,
      mayHaveApplied: call.change,
      message: `Scalingo answered ${status} to ${call.what}`,
      ...origin
    })
  }
  return new UnexpectedResponse({ status, detail: `${call.what}: unexpected status ${status}`, ...origin })
}
