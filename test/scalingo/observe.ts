import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { Effect, HashMap, Layer, Logger, LogLevel, Tracer } from "effect"

/** What tests read from the pipeline's telemetry: spans from an in-memory tracer, log lines from a logger. */

export interface RecordedSpan {
  readonly name: string
  readonly kind: Tracer.SpanKind
  readonly attributes: ReadonlyMap<string, unknown>
}

/** A tracer that keeps every span it makes (built on the one in place, so spans behave as usual). */
export const recordingTracer = Effect.map(Effect.tracer, (inner) => {
  const spans: Array<Tracer.Span> = []
  const tracer = Tracer.make({
    span: (...args) => {
      const span = inner.span(...args)
      spans.push(span)
      return span
    },
    context: inner.context
  })
  const recorded = (): ReadonlyArray<RecordedSpan> =>
    spans.map((s) => ({ name: s.name, kind: s.kind, attributes: s.attributes }))
  return { tracer, recorded }
})

export interface RecordedLog {
  readonly level: string
  readonly message: string
  readonly annotations: Record<string, unknown>
}

/** A logger layer keeping every line down to debug, its annotations included. */
export const recordingLogger = () => {
  const lines: Array<RecordedLog> = []
  const layer = Layer.mergeAll(
    Logger.replace(
      Logger.defaultLogger,
      Logger.make(({ logLevel, message, annotations }) => {
        lines.push({
          level: logLevel.label,
          message: Array.isArray(message) ? message.map(String).join(" ") : String(message),
          annotations: Object.fromEntries(HashMap.toEntries(annotations))
        })
      })
    ),
    Logger.minimumLogLevel(LogLevel.Debug)
  )
  return { lines, layer }
}

/** A loopback HTTP server answering with `reply` in turn (the last one repeats); it records when each came. */
export const scriptedServer = (
  // Headers may be made when the request arrives (e.g. a Retry-After date relative to that moment).
  replies: ReadonlyArray<{
    status: number
    headers?: Record<string, string> | (() => Record<string, string>)
    body: string
  }>
) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const arrivals: Array<{ at: number; method: string; url: string; authorization?: string }> = []
      const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        const reply = replies[Math.min(arrivals.length, replies.length - 1)]!
        arrivals.push({
          at: Date.now(),
          method: request.method ?? "",
          url: request.url ?? "",
          ...(request.headers.authorization === undefined ? {} : { authorization: request.headers.authorization })
        })
        const headers = typeof reply.headers === "function" ? reply.headers() : reply.headers
        response.writeHead(reply.status, { "content-type": "application/json", ...headers })
        response.end(reply.body)
      })
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
      const { port } = server.address() as { port: number }
      return { url: `http://127.0.0.1:${port}`, arrivals, server }
    }),
    ({ server }) =>
      Effect.promise(
        () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections()
            server.close(() => resolve())
          })
      )
  )
