import { Schema } from "effect"
import { context, section } from "../../blockKit/blocks.js"
import { LIMITS } from "../../blockKit/limits.js"
import { code, listOf, plain } from "../../blockKit/text.js"
import { input, modal, textInput, type View } from "../../blockKit/views.js"
import { jsonCodec, ResponseUrl } from "../../runtime/codecs.js"
import type { ContainerType } from "./scalePlan.js"

export const STOP_ACTION = "confirm_stop"
export const STOP_CALLBACK = "confirm_stop_modal"
export const STOP_BLOCK = "app_name"
export const STOP_INPUT = "app_name"

/** The typed-name modal keeps which change it confirms and where the question was asked. */
export const StopMetadata = jsonCodec(
  Schema.Struct({ i: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{16,64}$/)), r: Schema.optional(ResponseUrl) }),
  LIMITS.privateMetadata
)

/** `web: 2 × M → 3 × L`, one line per type, unchanged types as they are. */
export const formationDiff = (before: ReadonlyArray<ContainerType>, after: ReadonlyArray<ContainerType>) =>
  after.map((type, i) => {
    const was = before[i]!
    return was.amount === type.amount && was.size === type.size
      ? `${code(type.name)}: ${type.amount} × ${plain(type.size)} (unchanged)`
      : `${code(type.name)}: ${was.amount} × ${plain(was.size)} → *${type.amount} × ${plain(type.size)}*`
  })

export const autoscalerWarning = (types: ReadonlyArray<string>): ReadonlyArray<string> =>
  types.length === 0
    ? []
    : [
        `:warning: ${listOf(types.map((t) => code(t)))} ` +
          `${types.length === 1 ? "has an autoscaler" : "have autoscalers"}: ` +
          "Scalingo disables an autoscaler when its type is scaled by hand."
      ]

export const stopWarning = (app: string) =>
  `:octagonal_sign: This leaves ${code(app)} with no container at all: it stops serving. ` +
  "You will be asked to type its name."

export const stopModal = (app: string, metadata: string, problem?: string): View =>
  modal({
    callbackId: STOP_CALLBACK,
    title: "Stop the app",
    submit: "Stop it",
    close: "Cancel",
    privateMetadata: metadata,
    blocks: [
      section(`Scaling every container of ${code(app)} to 0 stops it. Type the app's name to confirm.`),
      input({
        blockId: STOP_BLOCK,
        label: "App name",
        element: textInput({ actionId: STOP_INPUT, placeholder: app, maxLength: 100 })
      }),
      ...(problem !== undefined ? [context(`:warning: ${problem}`)] : [])
    ]
  })

export const outcomeModal = (text: string): View =>
  modal({ callbackId: STOP_CALLBACK, title: "Stop the app", close: "Close", blocks: [section(text)] })
