import { Effect, Option, Schema } from "effect"
import { LIMITS } from "../../blockKit/limits.js"
import { ChannelId, jsonCodec, ResponseUrl } from "../codecs.js"
import type { ViewSubmission } from "../interaction/Interaction.js"
import { Conversation, conversationFor } from "../replies/Replies.js"

/**
 * Where a modal was opened from, kept in its private_metadata: the channel (`c`) and the slash
 * command's response_url (`r`), so the submission can answer there (privately or in the channel).
 */
export const ModalOrigin = Schema.Struct({ c: Schema.optional(ChannelId), r: Schema.optional(ResponseUrl) })
export type ModalOrigin = typeof ModalOrigin.Type

export const ModalOriginCodec = jsonCodec(ModalOrigin, LIMITS.privateMetadata)

export const modalOriginOf = (channelId: string, responseUrl: string): ModalOrigin => ({
  ...(Schema.is(ChannelId)(channelId) ? { c: channelId } : {}),
  ...(Schema.is(ResponseUrl)(responseUrl) ? { r: responseUrl } : {})
})

/** Runs a submission's work in a conversation whose replies go where the modal was opened. */
export const fromModalOrigin =
  (submission: ViewSubmission, origin: ModalOrigin) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.provideServiceEffect(
      effect,
      Conversation,
      conversationFor({
        person: submission.person,
        channelId: origin.c,
        responseUrl: origin.r,
        viewId: submission.viewId
      })
    )

/** A stale or forged metadata value is simply no origin: the outcome is still shown in the modal. */
export const decodeModalOrigin = (raw: string): ModalOrigin =>
  Option.getOrElse(ModalOriginCodec.decode(raw), () => ({}))
