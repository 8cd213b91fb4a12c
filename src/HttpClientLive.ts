import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Layer } from "effect"

/**
 * The HttpClient every outgoing request uses (Scalingo, Slack's Web API and response_url): undici's
 * `request` API over undici's global connection pool (the one fetch uses), which lives as long as the
 * process, as fetch's did. The platform's fetch client cost about twice the CPU per request (WHATWG
 * Request/Response objects and web streams for every body), one of the largest costs of a command in
 * the profile (`npm run bench:profile`).
 */
export const HttpClientLive = NodeHttpClient.layerUndiciWithoutDispatcher.pipe(
  Layer.provide(NodeHttpClient.dispatcherLayerGlobal)
)
