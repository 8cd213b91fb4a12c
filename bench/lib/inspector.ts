// A minimal Chrome DevTools Protocol client for a child started with `--inspect=127.0.0.1:0`:
// forces a full garbage collection and reads the V8 heap in use, so memory growth per command can
// be told apart from a heap that has simply not been collected yet.
import WebSocket from "ws"
import type { Child } from "./children.js"

export interface Inspector {
  /** Full GC, then the V8 heap in use, in MiB. */
  heapAfterGc(): Promise<number>
  /** Starts V8's sampling CPU profiler (`bench:profile`). */
  startProfile(): Promise<void>
  /** Stops it and returns the profile (the .cpuprofile format). */
  stopProfile(): Promise<unknown>
  close(): void
}

const LISTENING = /Debugger listening on (ws:\/\/\S+)/

export const connectInspector = async (child: Child, timeoutMs = 10_000): Promise<Inspector> => {
  const deadline = Date.now() + timeoutMs
  let url: string | undefined
  while (url === undefined) {
    url = child.output.map((line) => LISTENING.exec(line)?.[1]).find((found) => found !== undefined)
    if (url !== undefined) break
    if (Date.now() > deadline) throw new Error(`${child.name} printed no inspector URL`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve())
    socket.once("error", reject)
  })
  let serial = 0
  const waiting = new Map<number, (result: Record<string, unknown>) => void>()
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> }
    if (message.id !== undefined) {
      waiting.get(message.id)?.(message.result ?? {})
      waiting.delete(message.id)
    }
  })
  const call = (method: string, params?: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++serial
      const timer = setTimeout(() => reject(new Error(`inspector ${method} timed out`)), timeoutMs)
      waiting.set(id, (result) => {
        clearTimeout(timer)
        resolve(result)
      })
      socket.send(JSON.stringify({ id, method, ...(params === undefined ? {} : { params }) }))
    })
  return {
    heapAfterGc: async () => {
      await call("HeapProfiler.collectGarbage")
      const usage = await call("Runtime.getHeapUsage")
      return Number(usage.usedSize) / 2 ** 20
    },
    startProfile: async () => {
      await call("Profiler.enable")
      await call("Profiler.setSamplingInterval", { interval: 100 })
      await call("Profiler.start")
    },
    stopProfile: async () => (await call("Profiler.stop")).profile,
    close: () => socket.close()
  }
}
