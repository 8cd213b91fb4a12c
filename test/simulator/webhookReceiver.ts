import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"

/** A loopback HTTP server standing in for the bot's webhook endpoint: records every POST. */
export interface WebhookReceiver {
  readonly url: string
  readonly received: ReadonlyArray<{ path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }>
  close(): Promise<void>
}

export const startWebhookReceiver = async (status = 200): Promise<WebhookReceiver> => {
  const received: Array<{ path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }> = []
  const server = createServer((request, response) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => {
      received.push({
        path: request.url ?? "/",
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>
      })
      response.writeHead(status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
