import { fn } from "../tracing/fn.js"
import { Effect, Redacted } from "effect"
import { AppResources } from "./AppResources.js"
import { hideSecrets } from "./hideSecrets.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { LogsUrlResponse } from "./schemas/logs.js"

export interface LogsRequest {
  /** How many of the last lines (1 to 1,000; outside values are brought within). */
  readonly lines: number
  /** One container type, container or router (`web`, `web-1`, `router`); every line when absent. */
  readonly filter?: string
}

export const MAX_LOG_LINES = 1_000

const linesParam = (lines: number) => String(Math.min(MAX_LOG_LINES, Math.max(1, Math.floor(lines) || 1)))

/** The URL and every value in its query (its token): what an error must never quote. */
const secretsOf = (url: Redacted.Redacted<string>): Array<string> => {
  const text = Redacted.value(url)
  try {
    return [text, ...[...new URL(text).searchParams.values()]]
  } catch {
    return [text]
  }
}

/**
 * An app's last log lines: `GET /v1/apps/{app}/logs` hands out a `logs_url` carrying a token, then
 * that URL answers the dump (`n`, `filter`) without a bearer. The URL is a secret: it stays Redacted
 * and only getTextFrom opens it, so it never reaches a log, a span, an error or the answer.
 */
export class LogsApi extends Effect.Service<LogsApi>()("bot/scalingo/LogsApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi
    const apps = yield* AppResources

    /** The lines as Scalingo prints them (`… [web-1] message`), "" when there are none (404 or 204). */
    const lastLines = fn("LogsApi.lastLines")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      request: LogsRequest
    ) {
      const { logs_url } = yield* apps.of(account, region, app).get("/v1/apps/{app}/logs", LogsUrlResponse)
      const filter = request.filter?.trim() ?? ""
      const urlParams = { n: linesParam(request.lines), ...(filter === "" ? {} : { filter }) }
      return yield* api.getTextFrom(account, { name: "logs_url", url: logs_url }, { urlParams, resource: "logs" }).pipe(
        Effect.catchTag("NotFound", () => Effect.succeed("")),
        Effect.mapError(hideSecrets(secretsOf(logs_url)))
      )
    })

    return { lastLines } as const
  })
}) {}
