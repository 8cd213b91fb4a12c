// The fake Web API's canned answers, and the checks Slack makes before answering at all.
import { type Refusal, slackRefusal } from "./blockKitRules.js"
import type { SlackState } from "./state.js"
import type { FakeMessage, MethodAnswer } from "./types.js"

type Params = Record<string, unknown>

const CHANNEL_METHODS = new Set([
  "chat.postMessage",
  "chat.postEphemeral",
  "chat.update",
  "chat.delete",
  "files.completeUploadExternal"
])
const MESSAGE_METHODS = new Set(["chat.postMessage", "chat.update", "chat.postEphemeral"])
const VIEW_METHODS = new Set(["views.open", "views.push", "views.update", "views.publish"])

const str = (value: unknown): string => (typeof value === "string" ? value : "")
const parseView = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Slack's refusal before any answer (canned or replaced): the channel's state, then Block Kit's rules for
 * the message or view (blockKitRules.ts).
 */
export const refusalFor = (state: SlackState, method: string, params: Params): Refusal | undefined => {
  const channel = str(params.channel ?? params.channel_id)
  if (CHANNEL_METHODS.has(method) && channel !== "") {
    const channelState = state.channels.get(channel) ?? "ok"
    if (channelState !== "ok") return { error: channelState, message: "" }
  }
  if (MESSAGE_METHODS.has(method)) return slackRefusal("message", params)
  return VIEW_METHODS.has(method) ? slackRefusal("view", params.view) : undefined
}

/** Slack's answer to a refused call: the error, and what broke as Slack words it (Block Kit refusals). */
export const refusalBody = (refused: Refusal) => ({
  ok: false,
  error: refused.error,
  ...(refused.message !== "" ? { response_metadata: { messages: [`[ERROR] ${refused.message}`] } } : {})
})

/** What a successful answer leaves behind, whoever wrote the answer: a message the bot can later edit. */
export const afterAnswer = (state: SlackState, method: string, params: Params, answer: Params): void => {
  if (answer.ok === false) return
  const kept = (via: FakeMessage["via"], ts: unknown, ephemeral: boolean) =>
    state.keepMessage({
      channel: str(answer.channel ?? params.channel),
      ts: str(ts),
      text: str(params.text),
      blocks: params.blocks,
      ...(typeof params.thread_ts === "string" ? { threadTs: params.thread_ts } : {}),
      ephemeral,
      via
    })
  if (method === "chat.postMessage") kept("chat.postMessage", answer.ts, false)
  if (method === "chat.postEphemeral") kept("chat.postEphemeral", answer.message_ts, true)
}

export const cannedMethods = (
  state: SlackState,
  urls: { connection: () => string; upload: (id: string) => string }
) => {
  const { ids } = state
  const own = (p: Params): FakeMessage | undefined => {
    const found = state.messages.get(state.messageKey(str(p.channel), str(p.ts)))
    return found === undefined || found.ephemeral ? undefined : found
  }
  const methods: Record<string, MethodAnswer> = {
    "auth.test": () => ({ url: "https://example.slack.com/", team: "Example", user: "scalingo", ...ids }),
    "chat.postMessage": (p) => {
      const ts = state.nextTs()
      return { channel: p.channel, ts, message: state.asSlackMessage(p, ts) }
    },
    "chat.postEphemeral": () => ({ message_ts: state.nextTs() }),
    "chat.update": (p) => {
      const message = own(p)
      if (message === undefined) return { ok: false, error: "message_not_found" }
      Object.assign(message, { text: str(p.text), blocks: p.blocks, edits: message.edits + 1 })
      return { channel: p.channel, ts: p.ts, text: p.text ?? "", message: state.asSlackMessage(p, str(p.ts)) }
    },
    "chat.delete": (p) => {
      if (own(p) === undefined) return { ok: false, error: "message_not_found" }
      state.messages.delete(state.messageKey(str(p.channel), str(p.ts)))
      return { channel: p.channel, ts: p.ts }
    },
    "views.open": (p) => ({ view: state.keepView(p.view, {}) }),
    "views.push": (p) => ({ view: state.keepView(p.view, {}) }),
    "views.update": (p) => {
      const known =
        typeof p.view_id === "string"
          ? state.views.get(p.view_id)
          : [...state.views.values()].find((v) => p.external_id !== undefined && v.external_id === p.external_id)
      if (known === undefined) return { ok: false, error: "not_found" }
      if (p.hash !== undefined && p.hash !== known.hash) return { ok: false, error: "hash_conflict" }
      const { id, root_view_id, previous_view_id } = known
      return { view: state.keepView(p.view, { id, root_view_id, previous_view_id }) }
    },
    "views.publish": (p) => {
      const user = str(p.user_id)
      // As Slack: a user id, and a view that is a Home tab of at most 100 blocks (form bodies carry it as JSON).
      const view = (typeof p.view === "string" ? parseView(p.view) : p.view) as
        | { type?: unknown; blocks?: unknown }
        | undefined
      if (user === "" || typeof view !== "object" || view === null) return { ok: false, error: "invalid_arguments" }
      if (view.type !== "home") return { ok: false, error: "invalid_arguments" }
      if (!Array.isArray(view.blocks) || view.blocks.length > 100) return { ok: false, error: "invalid_blocks" }
      const home = state.keepView({ ...view }, { id: state.homeViews.get(user)?.id })
      state.views.delete(home.id)
      state.homeViews.set(user, home)
      return { view: home }
    },
    "users.info": (p) => {
      const id = str(p.user)
      if (!/^[UW][A-Z0-9-]{1,30}$/.test(id)) return { ok: false, error: "user_not_found" }
      const name = id.toLowerCase()
      return {
        user: {
          id,
          team_id: ids.team_id,
          name,
          real_name: `User ${id}`,
          is_admin: false,
          is_owner: false,
          is_primary_owner: false,
          is_bot: false,
          deleted: false,
          tz: "Europe/Paris",
          profile: { display_name: name, real_name: `User ${id}` },
          ...state.users.get(id)
        }
      }
    },
    "conversations.open": (p) => {
      const user = str(p.users).split(",")[0] ?? ""
      if (user === "" && str(p.channel) === "") return { ok: false, error: "users_list_not_supplied" }
      const channel = str(p.channel) || state.dms.get(user) || `D${user}`
      if (user !== "") state.dms.set(user, channel)
      return { channel: { id: channel } }
    },
    "files.getUploadURLExternal": (p) => {
      const length = Number(p.length)
      if (str(p.filename) === "" || !Number.isInteger(length) || length < 1)
        return { ok: false, error: "invalid_arguments" }
      const id = state.nextId("F")
      const file = { id, filename: str(p.filename), length, completed: false }
      state.files.set(id, typeof p.snippet_type === "string" ? { ...file, snippetType: p.snippet_type } : file)
      return { upload_url: urls.upload(id), file_id: id }
    },
    "files.completeUploadExternal": (p) => completeUploads(state, p),
    "apps.connections.open": () => ({ url: urls.connection() })
  }
  return methods
}

/** files.completeUploadExternal: every listed file must have its bytes; the comment posts with them. */
const completeUploads = (state: SlackState, p: Params) => {
  const listed = Array.isArray(p.files) ? (p.files as Array<{ id?: unknown; title?: unknown }>) : []
  const files = listed.map((f) => state.files.get(str(f.id)))
  if (listed.length === 0 || files.some((f) => f?.content === undefined)) return { ok: false, error: "file_not_found" }
  const channel = str(p.channel_id)
  for (const [i, file] of files.entries())
    Object.assign(file!, {
      completed: true,
      title: str(listed[i]?.title) || file!.filename,
      ...(channel !== "" ? { channel } : {}),
      ...(typeof p.thread_ts === "string" ? { threadTs: p.thread_ts } : {}),
      ...(typeof p.initial_comment === "string" ? { initialComment: p.initial_comment } : {})
    })
  if (channel !== "")
    state.keepMessage({
      channel,
      ts: state.nextTs(),
      text: str(p.initial_comment),
      blocks: undefined,
      ...(typeof p.thread_ts === "string" ? { threadTs: p.thread_ts } : {}),
      ephemeral: false,
      via: "files.completeUploadExternal"
    })
  return { files: files.map((f) => ({ id: f!.id, title: f!.title })) }
}
