// response_url as Slack runs it: "up to 5 times within 30 minutes" (docs.slack.dev, interactivity
// handling). Slack never documented what a sixth use answers (node-slack-sdk#828 asked and was closed
// without an answer); the fake answers 404 `{"ok":false,"error":"used_url"}` for it and 404 `expired_url`
// after the lifetime, the 404 and `expired_url` being what apps report seeing. A refused attempt (a fault,
// an oversize message) does not count as a use. `replace_original` edits the message the URL belongs
// to (the clicked message, or the last one this URL produced); `delete_original` removes it.
import { slackRefusal } from "./blockKitRules.js"
import { refusalBody } from "./methods.js"
import type { SlackState } from "./state.js"
import type { ResponseUrlOptions } from "./types.js"

export const RESPONSE_URL_USES = 5

interface Issued {
  readonly issuedAt: number
  uses: number
  readonly channel: string
  /** The message replace_original and delete_original act on. */
  target?: string
}

export interface ResponseUrlAnswer {
  readonly status: number
  readonly body: Record<string, unknown>
}

export const makeResponseUrls = (state: SlackState, lifetimeMs: number) => {
  const issued = new Map<string, Issued>()
  let serial = 0

  const issue = (options: ResponseUrlOptions = {}): string => {
    const id = String(++serial)
    const target = options.original && state.messageKey(options.original.channel, options.original.ts)
    issued.set(id, {
      issuedAt: Date.now(),
      uses: 0,
      channel: options.channel ?? options.original?.channel ?? "response_url",
      ...(target !== undefined ? { target } : {})
    })
    return id
  }

  const answer = (id: string, body: unknown): ResponseUrlAnswer => {
    // A URL the fake did not hand out (a test built it by hand) starts its life at its first use.
    const url = issued.get(id) ?? { issuedAt: Date.now(), uses: 0, channel: "response_url" }
    issued.set(id, url)
    if (Date.now() - url.issuedAt > lifetimeMs) return { status: 404, body: { ok: false, error: "expired_url" } }
    if (url.uses >= RESPONSE_URL_USES) return { status: 404, body: { ok: false, error: "used_url" } }
    const p = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>
    const existing = url.target === undefined ? undefined : state.messages.get(url.target)
    if (p.delete_original === true) {
      if (url.target !== undefined) state.messages.delete(url.target)
      url.uses += 1
      return { status: 200, body: { ok: true } }
    }
    const refused = slackRefusal("message", p)
    if (refused !== undefined) return { status: 200, body: refusalBody(refused) }
    url.uses += 1
    const content = { text: typeof p.text === "string" ? p.text : "", blocks: p.blocks }
    if (p.replace_original === true && existing !== undefined) {
      Object.assign(existing, content, { edits: existing.edits + 1 })
      return { status: 200, body: { ok: true } }
    }
    const kept = state.keepMessage({
      channel: url.channel,
      ts: state.nextTs(),
      ...content,
      ...(typeof p.thread_ts === "string" ? { threadTs: p.thread_ts } : {}),
      ephemeral: p.response_type !== "in_channel",
      via: "response_url"
    })
    // A command's URL keeps acting on the first message it produced; a click's, on the clicked message.
    if (url.target === undefined || !state.messages.has(url.target))
      url.target = state.messageKey(kept.channel, kept.ts)
    return { status: 200, body: { ok: true } }
  }

  return { issue, answer, reset: () => issued.clear() }
}
