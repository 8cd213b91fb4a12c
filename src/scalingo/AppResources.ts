import { Effect, type Schema } from "effect"
import { isPathSafeAppName } from "./appName.js"
import { type BodyReader, jsonBody, noBody, textBody } from "./bodyReaders.js"
import { NotFound, type ScalingoError } from "./errors.js"
import { Regions } from "./Regions.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { type PostOptions, type RequestOptions, ScalingoApi } from "./ScalingoApi.js"
import type { ScalingoReply } from "./ScalingoHttp.js"
import type { Method, ParamNames, ScalingoRequest } from "./ScalingoRequest.js"

/** A request about one app: its template starts with the app's own path. */
export type AppTemplate = `/v1/apps/{app}${string}`

/** The template's params besides `{app}`, which the app resource fills in. */
type OwnParams<T extends string> = [Exclude<ParamNames<T>, "app">] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: { readonly [K in Exclude<ParamNames<T>, "app">]: string } }

/** The options: required exactly when the template has params of its own. */
type Rest<T extends string, O> = [Exclude<ParamNames<T>, "app">] extends [never]
  ? [options?: O & OwnParams<T>]
  : [options: O & OwnParams<T>]

type Extra = Pick<ScalingoRequest, "change" | "body" | "accept">

/**
 * Requests about one app, made as one account in one region. Each one resolves the region first, and an
 * app name that could not be used in a URL path is simply an app that does not exist: NotFound, and no
 * request is made. A 404 Scalingo does not explain is about the app unless the options say otherwise.
 */
export interface AppResource {
  readonly get: <const T extends AppTemplate, A, I>(
    template: T,
    schema: Schema.Schema<A, I>,
    ...[options]: Rest<T, RequestOptions>
  ) => Effect.Effect<A, ScalingoError>
  /** A `text/plain` body (a deployment's build output). */
  readonly getText: <const T extends AppTemplate>(
    template: T,
    ...[options]: Rest<T, RequestOptions>
  ) => Effect.Effect<string, ScalingoError>
  readonly post: <const T extends AppTemplate, A, I>(
    template: T,
    payload: unknown,
    schema: Schema.Schema<A, I>,
    options: PostOptions & OwnParams<T>
  ) => Effect.Effect<A, ScalingoError>
  /** Always a change; the answer's body (204, usually empty) is not read. */
  readonly delete: <const T extends AppTemplate>(
    template: T,
    ...[options]: Rest<T, RequestOptions>
  ) => Effect.Effect<void, ScalingoError>
  /** The general door, for a whole reply (a 202's `Location`): any method, any body reader. */
  readonly request: <const T extends AppTemplate, A>(
    method: Method,
    template: T,
    extra: Extra,
    read: BodyReader<A>,
    ...[options]: Rest<T, RequestOptions>
  ) => Effect.Effect<ScalingoReply<A>, ScalingoError>
}

/** One entry for every request about an app: `yield* apps.of(account, region, app).get(template, Schema)`. */
export class AppResources extends Effect.Service<AppResources>()("bot/scalingo/AppResources", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const regions = yield* Regions

    const of = (account: ScalingoAccount, region: string, app: string): AppResource => {
      const send = <A>(
        method: Method,
        template: string,
        extra: Extra,
        read: BodyReader<A>,
        options: (RequestOptions & { readonly params?: Readonly<Record<string, string>> }) | undefined
      ): Effect.Effect<ScalingoReply<A>, ScalingoError> =>
        isPathSafeAppName(app)
          ? Effect.flatMap(regions.get(account, region), (at) =>
              api.request(
                account,
                // The params were checked against the template where the caller named it (see Rest).
                api.describe(
                  method,
                  at,
                  template,
                  { resource: "app", ...options, params: { ...options?.params, app } } as never,
                  extra
                ),
                read
              )
            )
          : Effect.fail(new NotFound({ resource: "app", message: "no app has that name" }))
      const body = <A>(reply: Effect.Effect<ScalingoReply<A>, ScalingoError>) => Effect.map(reply, (r) => r.body)
      return {
        get: (template, schema, ...[options]) =>
          body(send("GET", template, { change: false }, jsonBody(schema), options)),
        getText: (template, ...[options]) =>
          body(send("GET", template, { change: false, accept: "text/plain" }, textBody, options)),
        post: (template, payload, schema, options) =>
          body(send("POST", template, { change: options.change, body: payload }, jsonBody(schema), options)),
        delete: (template, ...[options]) => body(send("DELETE", template, { change: true }, noBody, options)),
        request: (method, template, extra, read, ...[options]) => send(method, template, extra, read, options)
      }
    }

    return { of } as const
  })
}) {}
