// Sends requests to a bot exactly as Slack does (slack-platform.md §0.3, §2): a string body with an
// exact `application/x-www-form-urlencoded` header (a URLSearchParams body would add a charset, which
// Bolt answers with 400) and a v0 HMAC-SHA256 signature over `v0:<timestamp>:<raw body>`.
import { createHmac } from "node:crypto"
import { ackKindOf, slackRefusal } from "./fakeSlack/blockKitRules.js"
import {
  blockActionsPayload,
  formBody,
  interactiveBody,
  slashCommandFields,
  viewSubmissionPayload,
  type BlockActionOptions,
  type SlashCommandFieldsOptions,
  type ViewSubmissionOptions
} from "./slackPayloads.js"

export interface SlackReply {
  status: number
  /** Parsed JSON when the body is JSON, else the text ("" for Bolt's empty 200/401/404). */
  body: unknown
  text: string
  headers: Headers
  elapsedMs: number
}

/** Request-level knobs shared by every sender; `timestamp`/`signature` let a test forge or age a request. */
export interface SignedRequestOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number
  /** Sent instead of the correct signature. */
  signature?: string
  /** Defaults to `/slack/events` when baseUrl has no path of its own. */
  path?: string
  /** Extra or overriding headers (e.g. a different content-type for abuse tests). */
  headers?: Record<string, string>
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000)

export const slackSignature = (body: string, secret: string, timestamp: number): string =>
  `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`

export const signedHeaders = (
  body: string,
  secret: string,
  timestamp: number = nowSeconds()
): Record<string, string> => ({
  "content-type": "application/x-www-form-urlencoded",
  "x-slack-request-timestamp": String(timestamp),
  "x-slack-signature": slackSignature(body, secret, timestamp)
})

const endpoint = (baseUrl: string, path: string | undefined): string => {
  const url = new URL(baseUrl)
  if (path !== undefined) return new URL(path, url).toString()
  return url.pathname === "/" ? new URL("/slack/events", url).toString() : url.toString()
}

/** POSTs a raw body, signed (or forged), and reads the reply. */
export const postSigned = async (
  baseUrl: string,
  secret: string,
  body: string,
  options: SignedRequestOptions = {}
): Promise<SlackReply> => {
  const headers = signedHeaders(body, secret, options.timestamp)
  if (options.signature !== undefined) headers["x-slack-signature"] = options.signature
  const started = performance.now()
  const res = await fetch(endpoint(baseUrl, options.path), {
    method: "POST",
    headers: { ...headers, ...options.headers },
    body
  })
  const text = await res.text()
  const elapsedMs = performance.now() - started
  const reply = { status: res.status, body: parseBody(text), text, headers: res.headers, elapsedMs }
  if (res.status === 200) expectSlackTakesAck(body, reply.body)
  return reply
}

/** The request Slack sent, as its body says: a slash command (form), an interactive payload, or an event (JSON). */
const requestOf = (body: string): { kind: "slash_commands" | "interactive" | "events_api"; payload?: unknown } => {
  if (body.trimStart().startsWith("{")) return { kind: "events_api" }
  const fields = new URLSearchParams(body)
  if (fields.has("payload")) return { kind: "interactive", payload: parseBody(fields.get("payload") ?? "") }
  return { kind: fields.has("command") ? "slash_commands" : "events_api" }
}

/**
 * An acknowledgement's body is shown to the person (a command's answer, a modal's next view): it must
 * keep Block Kit's rules like any message, or Slack refuses it and the person sees an error.
 */
const expectSlackTakesAck = (sent: string, ackBody: unknown): void => {
  if (typeof ackBody !== "object" || ackBody === null) return
  const request = requestOf(sent)
  const kind = ackKindOf(request.kind, request.payload)
  const refused = kind === undefined ? undefined : slackRefusal(kind, ackBody)
  if (refused !== undefined)
    throw new Error(`Slack refuses the bot's ${request.kind} acknowledgement (${refused.error}): ${refused.message}`)
}

const parseBody = (text: string): unknown => {
  if (text === "") return ""
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export type SlashCommandOptions = Omit<SlashCommandFieldsOptions, "text"> & SignedRequestOptions & { text?: string }

export const sendSlashCommand = (baseUrl: string, secret: string, options: SlashCommandOptions): Promise<SlackReply> =>
  postSigned(baseUrl, secret, formBody(slashCommandFields({ ...options, text: options.text ?? "" })), options)

export type BlockActionRequestOptions = BlockActionOptions & SignedRequestOptions

export const sendBlockAction = (
  baseUrl: string,
  secret: string,
  options: BlockActionRequestOptions
): Promise<SlackReply> => postSigned(baseUrl, secret, interactiveBody(blockActionsPayload(options)), options)

export type ViewSubmissionRequestOptions = ViewSubmissionOptions & SignedRequestOptions

export const sendViewSubmission = (
  baseUrl: string,
  secret: string,
  options: ViewSubmissionRequestOptions
): Promise<SlackReply> => postSigned(baseUrl, secret, interactiveBody(viewSubmissionPayload(options)), options)

/** Any interactive payload object (view_closed, block_suggestion, a malformed one…) as `payload=<json>`. */
export const sendInteractive = (
  baseUrl: string,
  secret: string,
  payload: unknown,
  options: SignedRequestOptions = {}
): Promise<SlackReply> => postSigned(baseUrl, secret, interactiveBody(payload), options)

/** An Events API callback as Slack wraps it (`event_callback`), e.g. `app_home_opened`. */
export const eventCallback = (event: Record<string, unknown>, teamId = "T0001"): Record<string, unknown> => ({
  token: "legacy-verification-token",
  team_id: teamId,
  api_app_id: "A0001",
  type: "event_callback",
  event_id: `Ev${Date.now()}${Math.floor(Math.random() * 1e6)}`,
  event_time: nowSeconds(),
  event: { event_ts: `${nowSeconds()}.000100`, ...event }
})

export const appHomeOpened = (userId: string, teamId = "T0001", tab = "home") =>
  eventCallback({ type: "app_home_opened", user: userId, channel: `D${userId}`, tab }, teamId)

/** An Events API request (JSON body, signed like everything else): callbacks and `url_verification`. */
export const sendEvent = (
  baseUrl: string,
  secret: string,
  body: unknown,
  options: SignedRequestOptions = {}
): Promise<SlackReply> =>
  postSigned(baseUrl, secret, JSON.stringify(body), {
    ...options,
    headers: { "content-type": "application/json", ...options.headers }
  })
