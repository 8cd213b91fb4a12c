import { Schema } from "effect"
import { actions, context, type Message, message, section } from "../../blockKit/blocks.js"
import { LIMITS } from "../../blockKit/limits.js"
import { externalSelect } from "../../blockKit/views.js"
import { jsonCodec } from "../../runtime/codecs.js"

export const APP_PICKER_ACTION = "app_picker"

/** What to run once an app is picked: the subcommand and the words typed after it. */
const PickerTarget = Schema.Struct({
  s: Schema.String.pipe(Schema.pattern(/^[a-z]{2,20}$/)),
  w: Schema.Array(Schema.String.pipe(Schema.maxLength(100))).pipe(Schema.maxItems(20))
})
export type PickerTarget = typeof PickerTarget.Type

/** Kept in the picker's block id, so any replica can carry the command on. */
export const PickerTargetCodec = jsonCodec(PickerTarget, LIMITS.blockId)

/** The target as the block id can carry it: words that do not fit (or cannot be words) are left out. */
const carried = (target: PickerTarget): PickerTarget => {
  const words: Array<string> = []
  for (const word of target.w.slice(0, 20)) {
    if (word.length > 100) break
    const next = { s: target.s, w: [...words, word] }
    if (JSON.stringify(next).length > LIMITS.blockId) break
    words.push(word)
  }
  return { s: target.s, w: words }
}

export const pickerMessage = (command: string, wanted: PickerTarget): Message => {
  const target = carried(wanted)
  const asked = [command, target.s, ...target.w].join(" ")
  return message(`Which app for ${asked}?`, [
    section(`Which app should \`${asked.slice(0, 200)}\` act on? Type part of its name.`),
    actions(PickerTargetCodec.encode(target), [
      externalSelect({ actionId: APP_PICKER_ACTION, placeholder: "Choose one of your apps", minQueryLength: 0 })
    ]),
    context("Only apps your Scalingo account can see are listed.")
  ])
}

/** An option's text: the app and its region, within Slack's limits. */
export const optionFor = (app: { readonly name: string; readonly region: string }) => ({
  text: { type: "plain_text" as const, text: `${app.name} (${app.region})`.slice(0, LIMITS.optionText) },
  value: app.name.slice(0, LIMITS.optionValue)
})
