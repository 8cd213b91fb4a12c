import type * as HttpClientError from "@effect/platform/HttpClientError"
import { type RequestOrigin, type ScalingoError, ScalingoUnavailable, UnexpectedResponse } from "./errors.js"

/** Transport errors that prove nothing left this machine (so a change cannot have been applied). */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
])

/** Whether a transport failure's causes (fetch wraps undici's) show the request never left. */
export const neverSent = (cause: unknown): boolean => {
  for (let current = cause, depth = 0; current !== null && typeof current === "object" && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** Scalingo did not answer in time: a change may have been applied. */
export const timedOut = (label: string, change: boolean, origin: RequestOrigin) =>
  new ScalingoUnavailable({
    reason: "timeout",
    mayHaveApplied: change,
    message: `Scalingo did not answer ${label} in time`,
    ...origin
  })

/**
 * The platform's error for a request that got no usable answer. Only a connection that was never
 * made proves a change was not applied; a body cut short is a transport failure like a reset.
 */
export const fromHttpError = (
  error: HttpClientError.HttpClientError,
  label: string,
  change: boolean,
  origin: RequestOrigin
): ScalingoError => {
  if (error._tag === "RequestError" && error.reason !== "Transport") {
    return new UnexpectedResponse({
      status: 0,
      detail: `${label}: the request could not be built (${error.reason})`,
      ...origin
    })
  }
  return new ScalingoUnavailable({
    reason: "transport",
    mayHaveApplied: change && !(error._tag === "RequestError" && neverSent(error.cause)),
    message: `Scalingo could not be reached for ${label}`,
    ...origin
  })
}
