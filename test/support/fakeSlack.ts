// A fake Slack on loopback: the Web API as @slack/web-api 8 calls it, response_url endpoints and a
// Socket Mode link. Real Bolt apps point `clientOptions.slackApiUrl` at `apiUrl` and tests assert on
// what was recorded, so the real WebClient serialization and retry logic stay under test.
import { EventEmitter } from "node:events"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { WebSocketServer, type WebSocket } from "ws"

export interface FakeSlackCall {
  kind: "call"
  method: string
  params: Record<string, unknown>
  token?: string
  at: number
}
export interface FakeSlackResponse {
  kind: "response"
  id: string
  body: unknown
  at: number
}
export type FakeSlackRecord = FakeSlackCall | FakeSlackResponse
export type FakeView = Record<string, unknown> & { id: string; hash: string }
export interface SocketAck {
  envelope_id: string
  payload?: unknown
}
/** A fault for a Web API method (or "response_url"). Without `times` it lasts until clearFaults(). */
export interface Fault {
  status?: number
  retryAfterSeconds?: number
  error?: string
  times?: number
  delayMs?: number
}
export type MethodAnswer = (params: Record<string, unknown>) => Record<string, unknown>
export interface FakeSlackOptions {
  teamId?: string
  botId?: string
  botUserId?: string
  appId?: string
}

export interface FakeSlack {
  readonly url: string
  readonly apiUrl: string
  readonly calls: Array<FakeSlackCall>
  readonly responses: Array<FakeSlackResponse>
  readonly views: Map<string, FakeView>
  responseUrl(): string
  fail(method: string, fault: Fault): void
  clearFaults(): void
  /** Replaces the canned answer of one method (the `ok: true` is added). */
  answer(method: string, answer: MethodAnswer): void
  waitFor<R extends FakeSlackRecord>(
    predicate: (record: FakeSlackRecord) => record is R,
    options?: { timeoutMs?: number }
  ): Promise<R>
  waitFor(predicate: (record: FakeSlackRecord) => boolean, options?: { timeoutMs?: number }): Promise<FakeSlackRecord>
  waitForCall(
    method: string,
    predicate?: (call: FakeSlackCall) => boolean,
    options?: { timeoutMs?: number }
  ): Promise<FakeSlackCall>
  /** Sends a Socket Mode envelope to the connected app and resolves with its ack. */
  sendEnvelope(
    type: "slash_commands" | "interactive" | "events_api",
    payload: unknown,
    options?: { timeoutMs?: number }
  ): Promise<SocketAck>
  reset(): void
  close(): Promise<void>
}

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata", "unfurls", "user_auth_blocks"])

export const startFakeSlack = async (options: FakeSlackOptions = {}): Promise<FakeSlack> => {
  const team_id = options.teamId ?? "T0001",
    bot_id = options.botId ?? "B0001"
  const user_id = options.botUserId ?? "U0BOT",
    app_id = options.appId ?? "A0001"
  const calls: Array<FakeSlackCall> = [],
    responses: Array<FakeSlackResponse> = []
  const views = new Map<string, FakeView>(),
    faults = new Map<string, Fault>()
  const answers = new Map<string, MethodAnswer>(),
    recorded = new EventEmitter()
  let serial = 100
  const nextTs = () => {
    serial += 1
    return `${1700000000 + Math.floor(serial / 1e6)}.${String(serial % 1e6).padStart(6, "0")}`
  }
  const nextId = (prefix: string) => {
    serial += 1
    return `${prefix}${String(serial).padStart(8, "0")}`
  }

  const keepView = (view: unknown, base: Partial<FakeView>): FakeView => {
    const kept = {
      type: "modal",
      callback_id: "",
      private_metadata: "",
      state: { values: {} },
      team_id,
      app_id,
      bot_id,
      previous_view_id: null,
      external_id: "",
      ...base,
      ...(view as object),
      hash: `${nextTs()}.h${serial}`,
      id: base.id ?? nextId("V")
    } as FakeView
    if (kept.root_view_id === undefined) kept.root_view_id = kept.id
    views.set(kept.id, kept)
    return kept
  }
  const message = (p: Record<string, unknown>, ts: string) => ({
    type: "message",
    text: p.text ?? "",
    blocks: p.blocks,
    thread_ts: p.thread_ts,
    ts,
    bot_id,
    user: user_id,
    app_id,
    team: team_id
  })

  const canned: Record<string, MethodAnswer> = {
    "auth.test": () => ({
      url: "https://example.slack.com/",
      team: "Example",
      user: "scalingo",
      team_id,
      user_id,
      bot_id
    }),
    "chat.postMessage": (p) => {
      const ts = nextTs()
      return { channel: p.channel, ts, message: message(p, ts) }
    },
    "chat.postEphemeral": () => ({ message_ts: nextTs() }),
    "chat.update": (p) => ({ channel: p.channel, ts: p.ts, text: p.text ?? "", message: message(p, String(p.ts)) }),
    "views.open": (p) => ({ view: keepView(p.view, {}) }),
    "views.push": (p) => ({ view: keepView(p.view, {}) }),
    "views.update": (p) => {
      const known =
        typeof p.view_id === "string"
          ? views.get(p.view_id)
          : [...views.values()].find((v) => p.external_id !== undefined && v.external_id === p.external_id)
      if (known === undefined) return { ok: false, error: "not_found" }
      if (p.hash !== undefined && p.hash !== known.hash) return { ok: false, error: "hash_conflict" }
      return {
        view: keepView(p.view, {
          id: known.id,
          root_view_id: known.root_view_id,
          previous_view_id: known.previous_view_id
        })
      }
    },
    "users.info": (p) => ({
      user: {
        id: p.user,
        team_id,
        name: String(p.user).toLowerCase(),
        real_name: `User ${p.user}`,
        is_bot: false,
        tz: "Europe/Paris",
        profile: { display_name: String(p.user).toLowerCase(), real_name: `User ${p.user}` }
      }
    }),
    "conversations.open": (p) => ({ channel: { id: `D${String(p.users ?? p.channel ?? "0").split(",")[0]}` } }),
    "apps.connections.open": () => ({ url: `ws://127.0.0.1:${port}/link?ticket=t${serial}&app_id=${app_id}` })
  }

  // Kept first, announced second: a waiter's predicate may look the record up in `calls`/`responses`.
  const keep = <R extends FakeSlackRecord>(list: Array<R>, entry: R): R => {
    list.push(entry)
    recorded.emit("record", entry)
    return entry
  }
  const takeFault = (key: string): Fault | undefined => {
    const fault = faults.get(key)
    if (fault?.times === undefined) return fault
    if (fault.times <= 1) faults.delete(key)
    else faults.set(key, { ...fault, times: fault.times - 1 })
    return fault
  }
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers })
    res.end(JSON.stringify(body))
  }
  /** Answers a fault; returns false when the fault only delays the normal answer. */
  const answerFault = async (res: ServerResponse, fault: Fault): Promise<boolean> => {
    if (fault.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault.status !== undefined && fault.status !== 200) {
      const retryAfter =
        fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : undefined
      send(
        res,
        fault.status,
        { ok: false, error: fault.error ?? (fault.status === 429 ? "ratelimited" : "fatal_error") },
        retryAfter
      )
      return true
    }
    if (fault.error !== undefined) {
      send(res, 200, { ok: false, error: fault.error })
      return true
    }
    return false
  }

  const handleApi = async (method: string, req: IncomingMessage, raw: string, res: ServerResponse) => {
    const { token, params } = parseApiBody(req, raw)
    keep(calls, { kind: "call", method, params, token, at: Date.now() })
    // No await on the plain path: a kept view exists by the time a waitFor() on this call resolves.
    const fault = takeFault(method)
    if (fault !== undefined && (await answerFault(res, fault))) return
    const answer = answers.get(method) ?? canned[method]
    send(res, 200, answer === undefined ? { ok: false, error: "unknown_method" } : { ok: true, ...answer(params) })
  }
  const handleResponseUrl = async (id: string, raw: string, res: ServerResponse) => {
    keep(responses, { kind: "response", id, body: parseJson(raw), at: Date.now() } as FakeSlackResponse)
    const fault = takeFault("response_url")
    if (fault !== undefined && (await answerFault(res, fault))) return
    send(res, 200, { ok: true })
  }

  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8"),
        path = (req.url ?? "/").split("?")[0]!
      const done = path.startsWith("/api/")
        ? handleApi(path.slice(5), req, raw, res)
        : path.startsWith("/response/")
          ? handleResponseUrl(path.slice(10), raw, res)
          : Promise.resolve(send(res, 404, { ok: false, error: "not_found" }))
      done.catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { ok: false, error: String(error) })
      })
    })
  })
  const sockets = new WebSocketServer({ server, path: "/link" })
  sockets.on("connection", (socket) => {
    socket.on("message", (data) => recorded.emit("ack", parseJson(data.toString())))
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id } }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  let responseSerial = 0

  /** Resolves with the first `event` value that matches, or rejects after timeoutMs with `explain()`. */
  const waitOn = <T>(event: string, match: (value: T) => boolean, timeoutMs: number, explain: () => string) =>
    new Promise<T>((resolve, reject) => {
      const listener = (value: T) => {
        if (!match(value)) return
        clearTimeout(timer)
        recorded.off(event, listener)
        resolve(value)
      }
      const timer = setTimeout(() => {
        recorded.off(event, listener)
        reject(new Error(explain()))
      }, timeoutMs)
      recorded.on(event, listener)
    })
  const waitForRecord = (predicate: (r: FakeSlackRecord) => boolean, timeoutMs = 5000): Promise<FakeSlackRecord> => {
    const existing = [...calls, ...responses].sort((a, b) => a.at - b.at).find(predicate)
    if (existing !== undefined) return Promise.resolve(existing)
    return waitOn(
      "record",
      predicate,
      timeoutMs,
      () => `fakeSlack.waitFor: nothing matched within ${timeoutMs} ms. ${describeRecords(calls, responses)}`
    )
  }
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

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    responses,
    views,
    responseUrl: () => `${url}/response/${++responseSerial}`,
    fail: (method, fault) => {
      faults.set(method, fault)
    },
    clearFaults: () => faults.clear(),
    answer: (method, answer) => {
      answers.set(method, answer)
    },
    waitFor: ((predicate: (r: FakeSlackRecord) => boolean, opts?: { timeoutMs?: number }) =>
      waitForRecord(predicate, opts?.timeoutMs)) as FakeSlack["waitFor"],
    waitForCall: (method, predicate = () => true, opts) =>
      waitForRecord(
        (r) => r.kind === "call" && r.method === method && predicate(r),
        opts?.timeoutMs
      ) as Promise<FakeSlackCall>,
    sendEnvelope: async (type, payload, opts) => {
      const timeoutMs = opts?.timeoutMs ?? 5000,
        socket = await openSocket(timeoutMs),
        envelope_id = nextId("env-")
      const acked = waitOn<SocketAck | undefined>(
        "ack",
        (ack) => ack?.envelope_id === envelope_id,
        timeoutMs,
        () => `fakeSlack.sendEnvelope: no ack for ${envelope_id} (${type}) within ${timeoutMs} ms`
      )
      const retry = { retry_attempt: 0, retry_reason: "" }
      socket.send(
        JSON.stringify({ envelope_id, type, accepts_response_payload: type !== "events_api", ...retry, payload })
      )
      return acked as Promise<SocketAck>
    },
    reset: () => {
      calls.length = 0
      responses.length = 0
      views.clear()
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

/** Form (what the WebClient sends) or JSON bodies; nested JSON fields parsed; the token taken out of params. */
const parseApiBody = (req: IncomingMessage, raw: string): { token?: string; params: Record<string, unknown> } => {
  const params: Record<string, unknown> = String(req.headers["content-type"] ?? "").includes("json")
    ? ((parseJson(raw) as Record<string, unknown>) ?? {})
    : Object.fromEntries(
        [...new URLSearchParams(raw)].map(([key, value]) => [key, JSON_FIELDS.has(key) ? parseJson(value) : value])
      )
  const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1]
  const token = bearer ?? (typeof params.token === "string" ? params.token : undefined)
  delete params.token
  return token === undefined ? { params } : { token, params }
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Methods and params only: tokens never enter params, so the summary is safe to print. */
const describeRecords = (calls: ReadonlyArray<FakeSlackCall>, responses: ReadonlyArray<FakeSlackResponse>): string => {
  const clip = (value: unknown) => {
    const text = JSON.stringify(value) ?? ""
    return text.length > 300 ? `${text.slice(0, 300)}…` : text
  }
  const lines = [
    ...calls.map((c) => `  call ${c.method} ${clip(c.params)}`),
    ...responses.map((r) => `  response_url ${r.id} ${clip(r.body)}`)
  ]
  return lines.length === 0 ? "Nothing was recorded." : `Recorded:\n${lines.join("\n")}`
}
