import { createServer } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A small OTLP/HTTP collector on loopback: accepts `POST /v1/traces` with a JSON body (OTLP's JSON
 * encoding) and keeps every span it receives, flattened, with its resource's attributes.
 */

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number }
interface KeyValue {
  key: string
  value: AnyValue
}
interface OtlpSpan {
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  attributes?: Array<KeyValue>
  status?: { code?: number }
}
interface TracesBody {
  resourceSpans: Array<{ resource?: { attributes?: Array<KeyValue> }; scopeSpans: Array<{ spans: Array<OtlpSpan> }> }>
}

export interface ReceivedSpan {
  readonly traceId: string
  readonly spanId: string
  /** Undefined for a trace's root span. */
  readonly parentSpanId: string | undefined
  readonly name: string
  readonly attributes: Readonly<Record<string, string | number | boolean | undefined>>
  readonly resource: Readonly<Record<string, string | number | boolean | undefined>>
}

export interface OtlpReceiver {
  /** The base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly endpoint: string
  readonly spans: Array<ReceivedSpan>
  /** Every request body received, as text (to look for what must never be exported). */
  readonly bodies: Array<string>
  /** Requests to anything but `POST /v1/traces`. */
  readonly strayRequests: Array<string>
  close(): Promise<void>
}

const plainValue = (value: AnyValue) =>
  value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : (value.boolValue ?? value.doubleValue))

const record = (attributes: Array<KeyValue> = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, plainValue(value)]))

export const startOtlpReceiver = async (): Promise<OtlpReceiver> => {
  const spans: Array<ReceivedSpan> = []
  const bodies: Array<string> = []
  const strayRequests: Array<string> = []
  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      if (req.method !== "POST" || req.url !== "/v1/traces" || !req.headers["content-type"]?.includes("json")) {
        strayRequests.push(`${req.method} ${req.url} ${req.headers["content-type"]}`)
        res.writeHead(404).end()
        return
      }
      bodies.push(text)
      for (const { resource, scopeSpans } of (JSON.parse(text) as TracesBody).resourceSpans) {
        for (const span of scopeSpans.flatMap((s) => s.spans)) {
          spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            attributes: record(span.attributes),
            resource: record(resource?.attributes)
          })
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    bodies,
    strayRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** Every span of a trace below `root`, following parent ids (so a stray span of another trace never counts). */
export const descendantsOf = (spans: ReadonlyArray<ReceivedSpan>, root: ReceivedSpan): Array<ReceivedSpan> => {
  const found: Array<ReceivedSpan> = []
  const queue = [root.spanId]
  while (queue.length > 0) {
    const parent = queue.shift()
    for (const span of spans) {
      if (span.parentSpanId === parent && span.traceId === root.traceId) {
        found.push(span)
        queue.push(span.spanId)
      }
    }
  }
  return found
}
