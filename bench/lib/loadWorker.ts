// The load generator, in its own thread: the simulator and the fake Slack live on the main thread,
// and their work must not delay the moment an acknowledgement is read here. Each request is
// signed exactly as Slack signs it (test/support) and timed from just before it is sent to the
// end of its response body.
import { parentPort } from "node:worker_threads"
import { formBody, interactiveBody, slashCommandFields } from "../../test/support/slackPayloads.js"
import { signedHeaders } from "../../test/support/slackRequests.js"
import type { LoadReply, LoadRequest } from "./loadProtocol.js"

const port = parentPort
if (port === null) throw new Error("loadWorker must run as a worker thread")

const fire = async (request: LoadRequest): Promise<LoadReply> => {
  const url = new URL("/slack/events", request.baseUrl).toString()
  const bodies = request.commands.map((c) =>
    c.kind === "options"
      ? interactiveBody({
          type: "block_suggestion",
          user: { id: c.userId, team_id: "T0001", name: c.userId },
          team: { id: "T0001" },
          action_id: "app_picker",
          block_id: '{"s":"info","w":[]}',
          value: c.text
        })
      : formBody(slashCommandFields({ text: c.text, userId: c.userId, responseUrl: c.responseUrl }))
  )
  const latencies = new Array<number>(bodies.length).fill(Number.NaN)
  const statuses = new Array<number>(bodies.length).fill(0)
  const errors: Array<string> = []
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++
      const body = bodies[index]!
      const headers = signedHeaders(body, request.secret)
      const sent = performance.now()
      try {
        const response = await fetch(url, { method: "POST", headers, body })
        await response.arrayBuffer()
        latencies[index] = performance.now() - sent
        statuses[index] = response.status
      } catch (error) {
        latencies[index] = performance.now() - sent
        if (errors.length < 5) errors.push(String((error as Error)?.cause ?? error))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(request.concurrency, bodies.length)) }, worker))
  return { id: request.id, latencies, statuses, errors, wallMs: performance.now() - started }
}

port.on("message", (request: LoadRequest) => {
  void fire(request).then((reply) => port.postMessage(reply))
})
