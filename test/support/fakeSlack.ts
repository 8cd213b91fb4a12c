// A fake Slack on loopback, as strict as Slack where the bot could go wrong: the Web API (JSON or form
// bodies), every Block Kit rule on messages, views and acknowledgements (fakeSlack/blockKitRules.ts),
// channels that refuse the bot, response_url's 5 uses in 30 minutes, the file upload flow, and a Socket
// Mode link. Tests point the bot at `apiUrl` and assert on what was recorded.
import { EventEmitter } from "node:events"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { type WebSocket, WebSocketServer } from "ws"
import { ackKindOf, slackRefusal } from "./fakeSlack/blockKitRules.js"
import { makeFaults, sendJson } from "./fakeSlack/faults.js"
import { afterAnswer, cannedMethods, refusalBody, refusalFor } from "./fakeSlack/methods.js"
import { bearerOf, parseApiBody, parseJson, waitForRecord, waitOn } from "./fakeSlack/records.js"
import { makeResponseUrls } from "./fakeSlack/responseUrls.js"
import { makeState } from "./fakeSlack/state.js"
import type {
  FakeSlack,
  FakeSlackCall,
  FakeSlackOptions,
  FakeSlackRecord,
  FakeSlackResponse,
  MethodAnswer,
  SocketAck
} from "./fakeSlack/types.js"

export type * from "./fakeSlack/types.js"
export { BLOCK_KIT_LIMITS, MESSAGE_LIMITS } from "./fakeSlack/blockKitLimits.js"
export { type PayloadKind, type Refusal, slackRefusal } from "./fakeSlack/blockKitRules.js"
export { RESPONSE_URL_USES } from "./fakeSlack/responseUrls.js"

const THIRTY_MINUTES = 30 * 60 * 1000

export const startFakeSlack = async (options: FakeSlackOptions = {}): Promise<FakeSlack> => {
  const state = makeState({
    team_id: options.teamId ?? "T0001",
    bot_id: options.botId ?? "B0001",
    user_id: options.botUserId ?? "U0BOT",
    app_id: options.appId ?? "A0001"
  })
  const responseUrls = makeResponseUrls(state, options.responseUrlLifetimeMs ?? THIRTY_MINUTES)
  const calls: Array<FakeSlackCall> = [],
    responses: Array<FakeSlackResponse> = []
  const faults = makeFaults(),
    answers = new Map<string, MethodAnswer>(),
    recorded = new EventEmitter()
  let url = ""
  const canned = cannedMethods(state, {
    connection: () => `${url.replace("http:", "ws:")}/link?ticket=${state.nextId("t")}&app_id=${state.ids.app_id}`,
    upload: (id) => `${url}/upload/${id}`
  })

  // Kept first, announced second: a waiter's predicate may look the record up in `calls`/`responses`.
  const keep = <R extends FakeSlackRecord>(list: Array<R>, entry: R): R => {
    list.push(entry)
    recorded.emit("record", entry)
    return entry
  }
  const send = sendJson

  const handleApi = async (method: string, req: IncomingMessage, raw: string, res: ServerResponse) => {
    const { token, params } = parseApiBody(req, raw)
    keep(calls, { kind: "call", method, params, token, at: Date.now() })
    // No await on the plain path: a kept view exists by the time a waitFor() on this call resolves.
    const fault = faults.take(method, params)
    if (fault !== undefined && (await faults.answer(res, fault))) return
    const refused = refusalFor(state, method, params)
    const answer = answers.get(method) ?? canned[method]
    const body =
      refused !== undefined
        ? refusalBody(refused)
        : answer === undefined
          ? { ok: false, error: "unknown_method" }
          : { ok: true, ...answer(params) }
    afterAnswer(state, method, params, body)
    if (fault?.lateAnswerMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.lateAnswerMs))
    if (!res.destroyed) send(res, 200, body)
  }
  const handleResponseUrl = async (id: string, req: IncomingMessage, raw: string, res: ServerResponse) => {
    const body = parseJson(raw),
      token = bearerOf(req)
    keep(responses, { kind: "response", id, body, at: Date.now(), ...(token ? { token } : {}) } as FakeSlackResponse)
    const fault = faults.take("response_url")
    if (fault !== undefined && (await faults.answer(res, fault))) return
    const answer = responseUrls.answer(id, body)
    if (fault?.lateAnswerMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.lateAnswerMs))
    if (!res.destroyed) send(res, answer.status, answer.body)
  }
  /** The pre-signed upload URL files.getUploadURLExternal handed out: it keeps the bytes. */
  const handleUpload = (id: string, req: IncomingMessage, bytes: Buffer, res: ServerResponse) => {
    const file = state.files.get(id)
    if (file === undefined) return send(res, 404, { ok: false, error: "file_not_found" })
    Object.assign(file, { content: bytes, uploadCarriedToken: req.headers.authorization !== undefined })
    res.writeHead(200, { "content-type": "text/plain" })
    res.end(`OK - ${bytes.length}`)
  }

  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const bytes = Buffer.concat(chunks),
        raw = bytes.toString("utf8"),
        path = (req.url ?? "/").split("?")[0]!
      const done = path.startsWith("/api/")
        ? handleApi(path.slice(5), req, raw, res)
        : path.startsWith("/response/")
          ? handleResponseUrl(path.slice(10), req, raw, res)
          : path.startsWith("/upload/")
            ? Promise.resolve(handleUpload(path.slice(8), req, bytes, res))
            : Promise.resolve(send(res, 404, { ok: false, error: "not_found" }))
      done.catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { ok: false, error: String(error) })
      })
    })
  })
  const sockets = new WebSocketServer({ server, path: "/link" })
  sockets.on("connection", (socket) => {
    socket.on("message", (data) => recorded.emit("ack", parseJson(data.toString())))
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: state.ids.app_id } }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const openSocket = async (timeoutMs: number): Promise<WebSocket> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const open = [...sockets.clients].find((socket) => socket.readyState === socket.OPEN)
      if (open !== undefined) return open
      if (Date.now() > deadline)
        throw new Error(`fakeSlack.sendEnvelope: no Socket Mode connection within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  const waitFor = (predicate: (r: FakeSlackRecord) => boolean, timeoutMs?: number, includeInterim?: boolean) =>
    waitForRecord(recorded, calls, responses, predicate, timeoutMs, includeInterim)

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    responses,
    views: state.views,
    messages: state.messages,
    files: state.files,
    dms: state.dms,
    homeViews: state.homeViews,
    responseUrl: (opts) => `${url}/response/${responseUrls.issue(opts)}`,
    fail: (method, fault) => {
      faults.set(method, fault)
    },
    clearFaults: () => faults.clear(),
    answer: (method, answer) => {
      answers.set(method, answer)
    },
    setUser: (id, user) => {
      state.users.set(id, { ...state.users.get(id), ...user })
    },
    setChannel: (id, channelState) => {
      state.channels.set(id, channelState)
    },
    waitFor: ((predicate: (r: FakeSlackRecord) => boolean, opts?: { timeoutMs?: number; includeInterim?: boolean }) =>
      waitFor(predicate, opts?.timeoutMs, opts?.includeInterim)) as FakeSlack["waitFor"],
    waitForCall: (method, predicate = () => true, opts) =>
      waitFor(
        (r) => r.kind === "call" && r.method === method && predicate(r),
        opts?.timeoutMs
      ) as Promise<FakeSlackCall>,
    sendEnvelope: async (type, payload, opts) => {
      const timeoutMs = opts?.timeoutMs ?? 5000,
        socket = await openSocket(timeoutMs),
        envelope_id = state.nextId("env-")
      const acked = waitOn<SocketAck | undefined>(
        recorded,
        "ack",
        (ack) => ack?.envelope_id === envelope_id,
        timeoutMs,
        () => `fakeSlack.sendEnvelope: no ack for ${envelope_id} (${type}) within ${timeoutMs} ms`
      )
      const retry = { retry_attempt: 0, retry_reason: "" }
      socket.send(
        JSON.stringify({ envelope_id, type, accepts_response_payload: type !== "events_api", ...retry, payload })
      )
      const ack = (await acked) as SocketAck
      // The ack's payload is shown to the person (a command's answer, a modal's next view): Slack's rules apply.
      const kind = ackKindOf(type, payload)
      const refused = kind === undefined ? undefined : slackRefusal(kind, ack.payload ?? {})
      if (refused !== undefined)
        throw new Error(`fakeSlack: Slack refuses the ${type} ack (${refused.error}): ${refused.message}`)
      return ack
    },
    reset: () => {
      calls.length = 0
      responses.length = 0
      state.reset()
      responseUrls.reset()
      faults.clear()
      answers.clear()
    },
    close: async () => {
      for (const socket of sockets.clients) socket.terminate()
      await new Promise<void>((resolve) => sockets.close(() => resolve()))
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
