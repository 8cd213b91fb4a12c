// The fake Slack's public shapes: what tests record, inject and inspect.

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
  /** A bearer sent along (none should be: the URL is its own credential). */
  token?: string
  at: number
}
export type FakeSlackRecord = FakeSlackCall | FakeSlackResponse
export type FakeView = Record<string, unknown> & { id: string; hash: string }
export interface SocketAck {
  envelope_id: string
  payload?: unknown
}
/**
 * A fault for a Web API method (or "response_url"). Without `times` it lasts until clearFaults(); with
 * `channel` it hits only calls naming that channel (`channel` or `channel_id`).
 */
export interface Fault {
  status?: number
  retryAfterSeconds?: number
  /** The Retry-After header as sent, when it is not a number of seconds (an HTTP date). */
  retryAfter?: string
  error?: string
  times?: number
  delayMs?: number
  /** Slack does what was asked at once but answers this late (a slow answer after posting). */
  lateAnswerMs?: number
  channel?: string
}
export type MethodAnswer = (params: Record<string, unknown>) => Record<string, unknown>
export interface FakeSlackOptions {
  teamId?: string
  botId?: string
  botUserId?: string
  appId?: string
  /** How long a response_url can be used (Slack: 30 minutes); shorten it to test expiry. */
  responseUrlLifetimeMs?: number
}

/** A message as the fake keeps it: posted, edited in place (chat.update, replace_original) or deleted. */
export interface FakeMessage {
  channel: string
  ts: string
  text: string
  blocks: unknown
  threadTs?: string
  ephemeral: boolean
  via: "chat.postMessage" | "chat.postEphemeral" | "response_url" | "files.completeUploadExternal"
  /** How many times it was replaced since it was posted. */
  edits: number
}
export interface FakeFile {
  id: string
  filename: string
  length: number
  snippetType?: string
  /** The bytes POSTed to the upload URL, once they are. */
  content?: Buffer
  /** Whether the upload POST carried an Authorization header (the URL is pre-signed; none is needed). */
  uploadCarriedToken?: boolean
  completed: boolean
  title?: string
  channel?: string
  threadTs?: string
  initialComment?: string
}
/** What users.info says about a person beyond the defaults (everyone is a plain member by default). */
export type FakeUser = Partial<{
  is_admin: boolean
  is_owner: boolean
  is_primary_owner: boolean
  is_bot: boolean
  deleted: boolean
  name: string
  real_name: string
  tz: string
  /** The person's own workspace (another one for a guest in a shared channel); the fake's team by default. */
  team_id: string
}>
/** A channel that refuses the bot as Slack would: gone, the bot not a member, or archived. */
export type ChannelState = "ok" | "channel_not_found" | "not_in_channel" | "is_archived"
/** Where a response_url's replace_original lands: the message holding the clicked button. */
export interface ResponseUrlOptions {
  original?: { channel: string; ts: string }
  /** The channel its new messages appear in (for `messages`); "response_url" otherwise. */
  channel?: string
}

export interface FakeSlack {
  readonly url: string
  readonly apiUrl: string
  readonly calls: Array<FakeSlackCall>
  readonly responses: Array<FakeSlackResponse>
  readonly views: Map<string, FakeView>
  /** Every message, keyed `channel/ts`. */
  readonly messages: Map<string, FakeMessage>
  readonly files: Map<string, FakeFile>
  /** Direct message channels opened with conversations.open, by user id. */
  readonly dms: Map<string, string>
  /** The App Home view last published for each user. */
  readonly homeViews: Map<string, FakeView>
  responseUrl(options?: ResponseUrlOptions): string
  fail(method: string, fault: Fault): void
  clearFaults(): void
  /** Replaces the canned answer of one method (the `ok: true` is added). */
  answer(method: string, answer: MethodAnswer): void
  /** What users.info answers for this person from now on. */
  setUser(id: string, user: FakeUser): void
  setChannel(id: string, state: ChannelState): void
  /** Passes over the bot's interim notes ("working on it"), which its answer replaces, unless `includeInterim`. */
  waitFor<R extends FakeSlackRecord>(
    predicate: (record: FakeSlackRecord) => record is R,
    options?: { timeoutMs?: number; includeInterim?: boolean }
  ): Promise<R>
  waitFor(
    predicate: (record: FakeSlackRecord) => boolean,
    options?: { timeoutMs?: number; includeInterim?: boolean }
  ): Promise<FakeSlackRecord>
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
