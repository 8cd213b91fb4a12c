import { Context, Effect } from "effect"

/**
 * Counts the Scalingo requests made on behalf of one piece of work (a command, a click), so its log
 * line can say how many it cost. The router provides a fresh tally per interaction; the HTTP
 * pipeline records every attempt it sends (retries and token exchanges included). Without one
 * provided, nothing is counted.
 */
export interface Tally {
  /** `GET /v1/apps/{app}/events`: method and path template, never a query string or a token. */
  readonly requests: Array<string>
}

export class RequestTally extends Context.Reference<RequestTally>()("bot/scalingo/RequestTally", {
  defaultValue: (): Tally | undefined => undefined
}) {}

/** Records one request in the current tally, if any. */
export const countRequest = (request: string): Effect.Effect<void> =>
  Effect.map(RequestTally, (tally) => {
    tally?.requests.push(request)
  })

/** Runs `effect` with a fresh tally and returns it beside the result (or the failure). */
export const withTally = <A, E, R>(effect: Effect.Effect<A, E, R>, tally: Tally = { requests: [] }) =>
  Effect.provideService(effect, RequestTally, tally)
