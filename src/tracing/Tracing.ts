import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as OtlpSerialization from "@effect/opentelemetry/OtlpSerialization"
import * as OtlpTracer from "@effect/opentelemetry/OtlpTracer"
import { Effect, Layer, Option, Tracer } from "effect"
import type { TracingSettingsValues } from "./TracingSettings.js"

export const SERVICE_NAME = "scalingo-slack-bot"

/**
 * The HTTP client's own spans keep the method, host and status but lose the URL: a path can hold a
 * secret (a Slack response_url is one), and our own spans name the request by its route instead.
 */
const DROPPED_ATTRIBUTES = new Set(["url.full", "url.path", "url.query"])

const withoutUrls = (tracer: Tracer.Tracer): Tracer.Tracer =>
  Tracer.make({
    span: (...args) => {
      const span = tracer.span(...args)
      const attribute = span.attribute.bind(span)
      span.attribute = (key, value) => {
        if (!DROPPED_ATTRIBUTES.has(key)) attribute(key, value)
      }
      return span
    },
    context: (f, fiber) => tracer.context(f, fiber)
  })

/**
 * Spans (every `Effect.fn` and `withSpan` name) exported over OTLP/HTTP as JSON when a collector is
 * set; otherwise the tracer is off, so creating spans costs nothing per request.
 */
export const TracingLive = (settings: TracingSettingsValues): Layer.Layer<never> =>
  Option.match(settings.tracesUrl, {
    onNone: () => Layer.setTracerEnabled(false),
    onSome: (url) =>
      Layer.unwrapScoped(
        Effect.map(
          OtlpTracer.make({ url, resource: { serviceName: SERVICE_NAME }, shutdownTimeout: "2 seconds" }),
          (tracer) => Layer.setTracer(withoutUrls(tracer))
        )
      ).pipe(Layer.provide(OtlpSerialization.layerJson), Layer.provide(FetchHttpClient.layer))
  })
