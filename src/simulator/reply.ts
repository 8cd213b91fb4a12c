import type { IncomingHttpHeaders } from "node:http"
import type { SimHost } from "./types.js"

/** What a route answers: the server plumbing writes it (or a fault rewrites it first). */
export interface Reply {
  readonly status: number
  readonly body: string
  /** "" with an empty body: no Content-Type at all, as Scalingo's 202 and 204 answers. */
  readonly contentType: string
  readonly headers?: Readonly<Record<string, string>>
}

export const json = (status: number, value: unknown): Reply => ({
  status,
  body: JSON.stringify(value),
  contentType: "application/json; charset=utf-8"
})

export const text = (status: number, body: string): Reply => ({
  status,
  body,
  contentType: "text/plain; charset=utf-8"
})

/** A body-less answer (202 of a restart, 204 of a delete), with optional headers such as Location. */
export const empty = (status: number, headers?: Record<string, string>): Reply => ({
  status,
  body: "",
  contentType: "",
  ...(headers === undefined ? {} : { headers })
})

/** Scalingo's documented 429: plain text, no Retry-After, no rate-limit headers. */
export const retryLater = (): Reply => text(429, "Retry later")

export const internalError = (): Reply => json(500, { error: "Internal error occured, we're on it!" })

/** One request as routes see it. The body is read only by routes that need it. */
export interface RequestContext {
  readonly host: SimHost
  readonly method: string
  readonly path: string
  readonly query: Record<string, string>
  readonly headers: IncomingHttpHeaders
  readonly dryRun: boolean
  readonly readBody: () => Promise<string>
}

/** A route's answer plus the account it authenticated as, for the request log. */
export interface Outcome {
  readonly reply: Reply
  readonly account?: string
}

export type Handler = (context: RequestContext) => Promise<Outcome>
