import { createServer, connect, type Server, type Socket } from "node:net"
import { Effect } from "effect"

/** Peers on loopback that misbehave as a real network can: they stand in for Redis in tests. */

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port))
  )

const closeAll = (server: Server, sockets: Set<Socket>) =>
  new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy()
    server.close(() => resolve())
  })

/** Accepts every connection and never answers a byte: a hung Redis. Closed with the test's scope. */
export const silentTcpServer = Effect.acquireRelease(
  Effect.promise(async () => {
    const sockets = new Set<Socket>()
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.on("error", () => undefined)
    })
    const port = await listen(server)
    return { url: `redis://127.0.0.1:${port}`, sockets, server }
  }),
  ({ server, sockets }) => Effect.promise(() => closeAll(server, sockets))
)

/**
 * Forwards to `target` (a redis:// URL) until `goSilent()`, then keeps every connection open and
 * drops every byte either way: Redis still accepting connections but no longer answering.
 */
export const switchableProxy = (target: string) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const upstreamUrl = new URL(target)
      let silent = false
      const sockets = new Set<Socket>()
      const server = createServer((client) => {
        const upstream = connect(Number(upstreamUrl.port || 6379), upstreamUrl.hostname)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on("error", () => undefined)
        }
        client.on("data", (data) => void (silent || upstream.write(data)))
        upstream.on("data", (data) => void (silent || client.write(data)))
        client.on("close", () => upstream.destroy())
        upstream.on("close", () => client.destroy())
      })
      const port = await listen(server)
      return {
        url: `redis://127.0.0.1:${port}`,
        goSilent: () => {
          silent = true
        },
        close: () => closeAll(server, sockets)
      }
    }),
    (proxy) => Effect.promise(() => proxy.close())
  )
