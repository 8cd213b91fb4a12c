import { Data } from "effect"
import { mrkdwnToPlain } from "../../blockKit/text.js"
import type { View } from "../../blockKit/views.js"

/** How a modal submission is answered within Slack's 3 seconds. */
export type ModalAck = Data.TaggedEnum<{
  /** Problems shown inline under their fields (block id → sentence); the modal stays open. */
  Errors: { readonly errors: Readonly<Record<string, string>> }
  /** The modal moves on to this view. */
  Show: { readonly view: View }
  /** The modal closes. */
  // biome-ignore lint/complexity/noBannedTypes: a variant without fields
  Close: {}
}>

export const ModalAck = Data.taggedEnum<ModalAck>()

/** The acknowledgement body Bolt sends Slack. */
export type ViewAck =
  | { readonly response_action: "errors"; readonly errors: Record<string, string> }
  | { readonly response_action: "update"; readonly view: View }
  | undefined

export const toViewAck = (ack: ModalAck): ViewAck =>
  ModalAck.$match(ack, {
    // Slack shows inline errors as plain text: the sentences are written in mrkdwn for messages.
    Errors: ({ errors }): ViewAck => ({
      response_action: "errors",
      errors: Object.fromEntries(Object.entries(errors).map(([block, text]) => [block, mrkdwnToPlain(text)]))
    }),
    Show: ({ view }): ViewAck => ({ response_action: "update", view }),
    Close: () => undefined
  })
