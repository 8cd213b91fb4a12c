import { Effect, Option, Schema } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import type { SlackWebService } from "../SlackWeb.js"
import type { WebApi } from "./webApi.js"

const Posted = Schema.Struct({ ts: Schema.String, channel: Schema.String })
const Answered = Schema.Struct({})

const content = (message: Message) => ({ text: message.text, blocks: message.blocks })

/**
 * chat.*: each call waits only in its own channel's lane. `update` never waits behind a 429: progress
 * messages are edited often, so the caller decides what to do with `ratelimited` (and its Retry-After).
 */
export const makeMessages = (
  api: WebApi
): Pick<SlackWebService, "postMessage" | "postEphemeral" | "update" | "deleteMessage"> => ({
  postMessage: ({ channel, message, threadTs }) =>
    api.call({
      method: "chat.postMessage",
      params: {
        channel,
        ...content(message),
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {})
      },
      answer: Posted,
      lane: Option.some(channel),
      idempotent: false
    }),
  postEphemeral: ({ channel, user, message }) =>
    Effect.asVoid(
      api.call({
        method: "chat.postEphemeral",
        params: { channel, user, ...content(message) },
        answer: Answered,
        lane: Option.some(channel),
        idempotent: false
      })
    ),
  update: ({ channel, ts, message }) =>
    Effect.asVoid(
      api.call({
        method: "chat.update",
        params: { channel, ts, ...content(message) },
        answer: Answered,
        lane: Option.some(channel),
        waitWhenLimited: false,
        idempotent: true
      })
    ),
  deleteMessage: ({ channel, ts }) =>
    Effect.asVoid(
      api.call({
        method: "chat.delete",
        params: { channel, ts },
        answer: Answered,
        lane: Option.some(channel),
        idempotent: true
      })
    )
})
