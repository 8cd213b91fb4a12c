import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"

/**
 * The HttpClient every outgoing request uses (Scalingo, Slack's Web API and response_url): undici's
 * `request` API through its own connection pool, closed at shutdown. The platform's fetch client cost
 * about twice the CPU per request (WHATWG Request/Response objects and web streams for every body),
 * which the profile (`npm run bench:profile`) showed as one of the largest costs of a command.
 */
export const HttpClientLive = NodeHttpClient.layerUndici
