import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { ConfigProvider, Effect, Either, Layer, Option, Tracer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { TracingLive } from "../../src/tracing/Tracing.js"
import { readTracingSettings } from "../../src/tracing/TracingSettings.js"
import { type OtlpReceiver, startOtlpReceiver } from "./otlpReceiver.js"

/** The tracing layer on its own, against the loopback collector: off when unset, URLs kept out when on. */

/** Effect's own tracer, counting the spans it is asked to create. */
const countingTracer = () => {
  let created = 0
  const layer = Layer.unwrapEffect(
    Effect.map(Effect.tracer, (native) =>
      Layer.setTracer(
        Tracer.make({
          span: (...args) => {
            created++
            return native.span(...args)
          },
          context: (f, fiber) => native.context(f, fiber)
        })
      )
    )
  )
  return { layer, created: () => created }
}

describe("the tracing layer", () => {
  let receiver: OtlpReceiver
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
  })
  afterAll(async () => {
    await receiver?.close()
  })

  it("creates no span at all when OTEL_EXPORTER_OTLP_ENDPOINT is unset", async () => {
    const counting = countingTracer()
    const work = Effect.void.pipe(Effect.withSpan("Work"))
    await Effect.runPromise(work.pipe(Effect.provide(counting.layer)))
    expect(counting.created()).toBe(1) // the counter does count when tracing is on
    await Effect.runPromise(
      work.pipe(Effect.provide(TracingLive({ tracesUrl: Option.none() })), Effect.provide(counting.layer))
    )
    expect(counting.created()).toBe(1)
  })

  it("exports the HTTP client's spans with method, host and status, but no URL path or query", async () => {
    const secretPath = "/hooks/T0001/B0002/s3cr3t-response-path"
    await Effect.runPromise(
      HttpClient.get(`${receiver.endpoint}${secretPath}?token=s3cr3t-query`).pipe(
        Effect.withSpan("Outer"),
        Effect.provide(FetchHttpClient.layer),
        Effect.provide(TracingLive({ tracesUrl: Option.some(`${receiver.endpoint}/v1/traces`) }))
      )
    )
    const outer = receiver.spans.find((s) => s.name === "Outer")
    const request = receiver.spans.find((s) => s.name === "http.client GET")
    expect(outer).toBeDefined()
    expect(request).toMatchObject({ parentSpanId: outer!.spanId, traceId: outer!.traceId })
    expect(request!.attributes).toMatchObject({ "http.request.method": "GET", "http.response.status_code": 404 })
    for (const key of ["url.full", "url.path", "url.query"]) expect(request!.attributes).not.toHaveProperty(key)
    expect(receiver.bodies.join("\n")).not.toContain("s3cr3t")
  })
})

describe("OTEL_EXPORTER_OTLP_ENDPOINT", () => {
  const read = (env: Record<string, string>) =>
    Effect.runSync(
      Effect.either(readTracingSettings).pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
      )
    )

  it("unset or empty: tracing off", () => {
    expect(read({})).toEqual(Either.right({ tracesUrl: Option.none() }))
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: " " })).toEqual(Either.right({ tracesUrl: Option.none() }))
  })

  it("a base URL gets OTLP's traces path, with or without a trailing slash", () => {
    for (const endpoint of ["http://collector:4318", "http://collector:4318/"]) {
      expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toEqual(
        Either.right({ tracesUrl: Option.some("http://collector:4318/v1/traces") })
      )
    }
  })

  it("anything but an http(s) URL is named as invalid, with what a valid value looks like", () => {
    const result = read({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })
    expect(Either.isLeft(result) && result.left.message).toContain(
      "OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL (an OTLP/HTTP collector's base URL"
    )
  })
})
