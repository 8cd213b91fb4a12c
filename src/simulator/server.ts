import { randomUUID } from "node:crypto"
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from "node:http"
import type { AddressInfo } from "node:net"
import { type FaultTable, faultReply, truncate } from "./faults.js"
import { type Handler, internalError, json, type Reply, type RequestContext } from "./reply.js"
import type { SimHost, SimRequest } from "./types.js"

/** One listening host (auth or a region): faults first, then the routes, every request logged. */

export interface HostDeps {
  readonly host: SimHost
  readonly handler: Handler
  readonly faults: FaultTable
  readonly log: (entry: SimRequest) => void
  /** Who a request claims to be, for the log when a fault answers before authentication. */
  readonly identify: (headers: IncomingHttpHeaders) => string | undefined
}

export interface RunningHost {
  readonly url: string
  readonly close: () => Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    request.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) request.destroy(new Error("body too large"))
      else chunks.push(chunk)
    })
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })

const write = (response: ServerResponse, reply: Reply): void => {
  response.writeHead(reply.status, {
    ...(reply.contentType === "" ? {} : { "content-type": reply.contentType }),
    "content-length": Buffer.byteLength(reply.body),
    "x-request-id": randomUUID(),
    ...reply.headers
  })
  response.end(reply.body)
}

export const startHost = async (deps: HostDeps, hostname: string, port: number): Promise<RunningHost> => {
  const timers = new Set<NodeJS.Timeout>()
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://simulator")
    const method = (request.method ?? "GET").toUpperCase()
    const context: RequestContext = {
      host: deps.host,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      dryRun: String(request.headers["x-dry-run"] ?? "").toLowerCase() === "true",
      readBody: () => readBody(request)
    }
    const at = Date.now()
    const userAgent = request.headers["user-agent"]
    const log = (status: number, account: string | undefined) =>
      deps.log({
        at,
        host: deps.host,
        method,
        path: context.path,
        query: context.query,
        status,
        dryRun: context.dryRun,
        ...(account === undefined ? {} : { account }),
        ...(userAgent === undefined ? {} : { userAgent })
      })

    const fault = deps.faults.take(deps.host, method, context.path)
    if (fault?.latencyMs !== undefined && fault.latencyMs > 0) await sleep(fault.latencyMs)
    if (fault?.reset === true) {
      request.socket.destroy()
      return log(0, deps.identify(request.headers))
    }
    if (fault?.status !== undefined) {
      const reply = faultReply({ ...fault, status: fault.status })
      write(response, reply)
      return log(reply.status, deps.identify(request.headers))
    }
    const outcome = await deps.handler(context).catch(() => ({ reply: internalError(), account: undefined }))
    const reply = fault?.malformedJson === true ? truncate(outcome.reply) : outcome.reply
    write(response, reply)
    log(reply.status, outcome.account)
  }

  const server: Server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) write(response, json(500, { error: "Internal error occured, we're on it!" }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, hostname, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = hostname.includes(":") ? `[${hostname}]` : hostname
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
