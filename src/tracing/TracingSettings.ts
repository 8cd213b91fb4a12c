import { Config, Option } from "effect"
import { readSettings, setting } from "../config/readSettings.js"

/** Where spans go: an OTLP/HTTP collector's base URL, or nowhere (tracing off). */
export interface TracingSettingsValues {
  /** The collector's traces URL (`<endpoint>/v1/traces`, as OpenTelemetry's exporters build it). */
  readonly tracesUrl: Option.Option<string>
}

const endpoint = Config.option(Config.string("OTEL_EXPORTER_OTLP_ENDPOINT")).pipe(
  // An empty value counts as unset, as with the other optional settings.
  Config.map(Option.filter((s) => s.trim().length > 0)),
  Config.validate({
    message: "must be an http(s) URL",
    validation: (url) => Option.isNone(url) || /^https?:\/\/[^\s]+$/.test(url.value.trim())
  }),
  Config.map(Option.map((url) => `${url.trim().replace(/\/+$/, "")}/v1/traces`))
)

export const readTracingSettings = readSettings({
  tracesUrl: setting(
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "an OTLP/HTTP collector's base URL, e.g. http://127.0.0.1:4318",
    endpoint
  )
})
