import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Redacted } from "effect"
import type { RequestOrigin } from "./errors.js"

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/** The names inside a path template: `"/v1/apps/{app}/events"` → `"app"`. */
export type ParamNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never

/** The values a template needs, checked by the compiler: `{ app }` for `/v1/apps/{app}/events`. */
export type PathParams<T extends string> = { readonly [K in ParamNames<T>]: string }

/** `params` is required exactly when the template has placeholders. */
export type ParamsOf<T extends string> = [ParamNames<T>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: PathParams<T> }

/**
 * One Scalingo request as the pipeline sends it. `template` names it in logs, spans, errors and
 * the request tally (`GET /v1/apps/{app}/events`); only `url` carries the encoded values. A URL
 * Scalingo handed out with a secret in it (`logs_url`) stays Redacted and is never logged or traced.
 */
export interface ScalingoRequest {
  readonly method: Method
  readonly template: string
  readonly url: string | Redacted.Redacted<string>
  readonly urlParams?: Readonly<Record<string, string>>
  readonly headers?: Readonly<Record<string, string>>
  /** Sent as JSON when present. */
  readonly body?: unknown
  /** `text/plain` for build logs; JSON otherwise. */
  readonly accept?: string
  /** A change (create, restart, scale…): never sent twice once it may have reached Scalingo. */
  readonly change: boolean
  /** What a 404 is about when Scalingo's body does not say (e.g. "app"). */
  readonly resource?: string
  /** The region's name, when the request goes to a region's API (for spans). */
  readonly region?: string
  /** The app the request is about, when its template names one (for logs). */
  readonly app?: string
}

/** `GET /v1/apps/{app}/events`: what logs, spans and the tally call a request. */
export const labelOf = (request: Pick<ScalingoRequest, "method" | "template">): string =>
  `${request.method} ${request.template}`

/** The fields every error from this request carries (for logs): never a token, a query or a body. */
export const originOf = (request: ScalingoRequest): RequestOrigin => ({
  request: labelOf(request),
  ...(request.app === undefined ? {} : { app: request.app })
})

/** `base` + `template` with each `{name}` replaced by its percent-encoded value. */
export const expandTemplate = (base: string, template: string, params: Readonly<Record<string, string>> = {}) =>
  `${base.replace(/\/+$/, "")}${template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name]
    // A programming error (the compiler checks templates against their params), never input.
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`)
    return encodeURIComponent(value)
  })}`

/** The platform's request (the URL unwrapped only here), JSON unless `accept` says otherwise. */
export const toHttpRequest = (request: ScalingoRequest): HttpClientRequest.HttpClientRequest => {
  const url = Redacted.isRedacted(request.url) ? Redacted.value(request.url) : request.url
  const options = { urlParams: request.urlParams ?? {}, headers: request.headers ?? {} }
  const built = HttpClientRequest.make(request.method)(url, options).pipe(
    HttpClientRequest.setHeader("Accept", request.accept ?? "application/json")
  )
  return request.body === undefined ? built : HttpClientRequest.bodyUnsafeJson(built, request.body)
}
