// The main thread's handle on the load worker (see loadWorker.ts).
import { Worker } from "node:worker_threads"
import type { LoadCommand, LoadReply, LoadRequest } from "./loadProtocol.js"

export interface LoadClient {
  /** Sends `commands` with at most `concurrency` in flight and resolves with each one's timing. */
  fire(baseUrl: string, secret: string, commands: ReadonlyArray<LoadCommand>, concurrency: number): Promise<LoadReply>
  close(): Promise<void>
}

export const startLoadClient = async (): Promise<LoadClient> => {
  // Worker threads do not inherit tsx's loader on Node 20: register it inside the worker first.
  const tsxApi = import.meta.resolve("tsx/esm/api")
  const workerUrl = new URL("./loadWorker.ts", import.meta.url).href
  const worker = new Worker(
    `(async () => { const { register } = await import(${JSON.stringify(tsxApi)}); register(); await ` +
      `import(${JSON.stringify(workerUrl)}) })()`,
    { eval: true }
  )
  const pending = new Map<number, { resolve: (reply: LoadReply) => void; reject: (error: Error) => void }>()
  let serial = 0
  worker.on("message", (reply: LoadReply) => {
    pending.get(reply.id)?.resolve(reply)
    pending.delete(reply.id)
  })
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  worker.on("error", failAll)
  worker.on("exit", (code) => failAll(new Error(`the load worker exited with ${code}`)))
  await new Promise<void>((resolve, reject) => {
    worker.once("online", () => resolve())
    worker.once("error", reject)
  })
  return {
    fire: (baseUrl, secret, commands, concurrency) =>
      new Promise<LoadReply>((resolve, reject) => {
        const request: LoadRequest = { id: ++serial, baseUrl, secret, commands, concurrency }
        pending.set(request.id, { resolve, reject })
        worker.postMessage(request)
      }),
    close: async () => {
      await worker.terminate()
    }
  }
}
