import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Effect, type Redacted, type Schema } from "effect"
import { BearerTokens } from "./BearerTokens.js"
import { type BodyReader, jsonBody, noBody, textBody } from "./bodyReaders.js"
import { type ScalingoError, UnexpectedResponse } from "./errors.js"
import { regionApiUrl, trustedUrlProblem } from "./regionUrls.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoHttp, type ScalingoReply } from "./ScalingoHttp.js"
import { expandTemplate, type Method, type ParamNames, type ParamsOf, type ScalingoRequest } from "./ScalingoRequest.js"
import { ScalingoSettings } from "./ScalingoSettings.js"
import type { Region } from "./schemas/region.js"

/** Where a request goes: Scalingo's auth host, or one region's API (as Regions lists it). */
export type Host = "auth" | Region

export interface RequestOptions {
  readonly urlParams?: Readonly<Record<string, string>>
  readonly headers?: Readonly<Record<string, string>>
  /** What a 404 is about when Scalingo does not say. */
  readonly resource?: string
}

export interface PostOptions extends RequestOptions {
  /** False only for requests that cannot change anything (a dry run); those may be retried. */
  readonly change: boolean
}

/** A template's params come with the options: required exactly when the template has placeholders. */
type Options<T extends string, O> = [ParamNames<T>] extends [never]
  ? [options?: O & ParamsOf<T>]
  : [options: O & ParamsOf<T>]

/**
 * Scalingo calls made as an account: its bearer on every request, one refresh on a 401. Each
 * request is a path template plus its params (`"/v1/apps/{app}/events", { params: { app } }`):
 * logs, spans, errors and the tally name the template, the URL carries the encoded values.
 */
export class ScalingoApi extends Effect.Service<ScalingoApi>()("bot/scalingo/ScalingoApi", {
  effect: Effect.gen(function* () {
    const http = yield* ScalingoHttp
    const tokens = yield* BearerTokens
    const { authUrl } = yield* ScalingoSettings

    const build = (
      method: Method,
      host: Host,
      template: string,
      options: RequestOptions & { readonly params?: unknown },
      extra: Pick<ScalingoRequest, "change" | "body" | "accept">
    ): ScalingoRequest => {
      const params = (options.params ?? {}) as Readonly<Record<string, string>>
      return {
        method,
        template,
        url: expandTemplate(host === "auth" ? authUrl : regionApiUrl(host), template, params),
        ...extra,
        ...(options.urlParams === undefined ? {} : { urlParams: options.urlParams }),
        ...(options.headers === undefined ? {} : { headers: options.headers }),
        ...(options.resource === undefined ? {} : { resource: options.resource }),
        ...(host === "auth" ? {} : { region: host.name }),
        ...(params.app === undefined ? {} : { app: params.app })
      }
    }

    /** A request to `host` by its template, for `request`: the URL built, the app and region noted for logs. */
    const describe = <const T extends string>(
      method: Method,
      host: Host,
      template: T,
      options: RequestOptions & ParamsOf<T>,
      extra: Pick<ScalingoRequest, "change" | "body" | "accept">
    ): ScalingoRequest => build(method, host, template, options, extra)

    /** The general door: any method, the whole reply (status, headers such as a 202's Location, body). */
    const request = <A>(
      account: ScalingoAccount,
      described: ScalingoRequest,
      read: BodyReader<A>
    ): Effect.Effect<ScalingoReply<A>, ScalingoError> =>
      tokens.withBearer(account, (bearer) => http.send(account, described, HttpClientRequest.bearerToken(bearer), read))

    const body = <A>(reply: Effect.Effect<ScalingoReply<A>, ScalingoError>) => Effect.map(reply, (r) => r.body)

    const get = <const T extends string, A, I>(
      account: ScalingoAccount,
      host: Host,
      template: T,
      schema: Schema.Schema<A, I>,
      ...[options]: Options<T, RequestOptions>
    ) => body(request(account, build("GET", host, template, options ?? {}, { change: false }), jsonBody(schema)))

    /** A `text/plain` body (a deployment's build output). */
    const getText = <const T extends string>(
      account: ScalingoAccount,
      host: Host,
      template: T,
      ...[options]: Options<T, RequestOptions>
    ) =>
      body(
        request(account, build("GET", host, template, options ?? {}, { change: false, accept: "text/plain" }), textBody)
      )

    const post = <const T extends string, A, I>(
      account: ScalingoAccount,
      host: Host,
      template: T,
      payload: unknown,
      schema: Schema.Schema<A, I>,
      options: PostOptions & ParamsOf<T>
    ) =>
      body(
        request(
          account,
          build("POST", host, template, options, { change: options.change, body: payload }),
          jsonBody(schema)
        )
      )

    /** Always a change: never sent twice once it may have reached Scalingo. */
    const patch = <const T extends string, A, I>(
      account: ScalingoAccount,
      host: Host,
      template: T,
      payload: unknown,
      schema: Schema.Schema<A, I>,
      ...[options]: Options<T, RequestOptions>
    ) =>
      body(
        request(
          account,
          build("PATCH", host, template, options ?? {}, { change: true, body: payload }),
          jsonBody(schema)
        )
      )

    /** Always a change; the answer's body (204, usually empty) is not read. */
    const del = <const T extends string>(
      account: ScalingoAccount,
      host: Host,
      template: T,
      ...[options]: Options<T, RequestOptions>
    ) => body(request(account, build("DELETE", host, template, options ?? {}, { change: true }), noBody))

    /**
     * GET a URL Scalingo handed out with a secret in it (an app's `logs_url`): no bearer, never
     * logged or traced with its URL (`name` stands for it), and only on a Scalingo host.
     */
    const getTextFrom = (
      account: ScalingoAccount,
      source: { readonly name: string; readonly url: Redacted.Redacted<string> },
      options: Pick<RequestOptions, "urlParams" | "resource"> = {}
    ): Effect.Effect<string, ScalingoError> => {
      const template = `{${source.name}}`
      const problem = trustedUrlProblem(source.url, authUrl)
      if (problem !== undefined)
        return Effect.fail(
          new UnexpectedResponse({ status: 0, detail: `GET ${template}: ${problem}`, request: `GET ${template}` })
        )
      const described: ScalingoRequest = {
        method: "GET",
        template,
        url: source.url,
        change: false,
        accept: "text/plain",
        ...options
      }
      return body(http.send(account, described, (outgoing) => outgoing, textBody))
    }

    return { request, describe, get, getText, post, patch, delete: del, getTextFrom } as const
  })
}) {}
