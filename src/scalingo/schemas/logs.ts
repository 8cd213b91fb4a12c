import { Schema } from "effect"

/**
 * `GET /v1/apps/{app}/logs` → `{app, logs_url}`. The URL carries a token (a secret): it is decoded
 * straight into a Redacted and never leaves one. The `app` beside it is not needed.
 */
export const LogsUrlResponse = Schema.Struct({ logs_url: Schema.Redacted(Schema.String) })
export type LogsUrlResponse = typeof LogsUrlResponse.Type
