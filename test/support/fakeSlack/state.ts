// What the fake Slack remembers between calls: views, messages, files, DMs, App Home views, people and
// channels, with Slack-shaped ids and timestamps.
import type { ChannelState, FakeFile, FakeMessage, FakeUser, FakeView } from "./types.js"

export interface Identity {
  team_id: string
  bot_id: string
  user_id: string
  app_id: string
}

export const makeState = (ids: Identity) => {
  const views = new Map<string, FakeView>(),
    messages = new Map<string, FakeMessage>()
  const files = new Map<string, FakeFile>(),
    dms = new Map<string, string>(),
    homeViews = new Map<string, FakeView>()
  const users = new Map<string, FakeUser>(),
    channels = new Map<string, ChannelState>()
  let serial = 100
  const nextTs = () => {
    serial += 1
    return `${1700000000 + Math.floor(serial / 1e6)}.${String(serial % 1e6).padStart(6, "0")}`
  }
  const nextId = (prefix: string) => {
    serial += 1
    return `${prefix}${String(serial).padStart(8, "0")}`
  }
  const messageKey = (channel: string, ts: string) => `${channel}/${ts}`

  const keepView = (view: unknown, base: Partial<FakeView>, store: Map<string, FakeView> = views): FakeView => {
    const kept = {
      type: "modal",
      callback_id: "",
      private_metadata: "",
      state: { values: {} },
      team_id: ids.team_id,
      app_id: ids.app_id,
      bot_id: ids.bot_id,
      previous_view_id: null,
      external_id: "",
      ...base,
      ...(view as object),
      hash: `${nextTs()}.h${serial}`,
      id: base.id ?? nextId("V")
    } as FakeView
    if (kept.root_view_id === undefined) kept.root_view_id = kept.id
    store.set(kept.id, kept)
    return kept
  }

  const keepMessage = (message: Omit<FakeMessage, "edits">): FakeMessage => {
    const kept = { ...message, edits: 0 }
    messages.set(messageKey(kept.channel, kept.ts), kept)
    return kept
  }

  /** A message as Slack answers it (chat.postMessage's and chat.update's `message`). */
  const asSlackMessage = (p: Record<string, unknown>, ts: string) => ({
    type: "message",
    text: p.text ?? "",
    blocks: p.blocks,
    thread_ts: p.thread_ts,
    ts,
    bot_id: ids.bot_id,
    user: ids.user_id,
    app_id: ids.app_id,
    team: ids.team_id
  })

  const reset = () => {
    for (const map of [views, messages, files, dms, homeViews, users, channels]) map.clear()
  }

  return {
    ids,
    views,
    messages,
    files,
    dms,
    homeViews,
    users,
    channels,
    nextTs,
    nextId,
    messageKey,
    keepView,
    keepMessage,
    asSlackMessage,
    reset
  }
}

export type SlackState = ReturnType<typeof makeState>
