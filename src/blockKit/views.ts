import type { types } from "@slack/bolt"
import { type Block, plainText } from "./blocks.js"
import { LIMITS } from "./limits.js"
import { clip } from "./text.js"
import { withUniqueIds } from "./uniqueIds.js"

/** Modals and their inputs, built within Slack's limits, so no view is written as raw JSON. */
export type View = types.ModalView
export type HomeView = types.HomeView
export type InputBlock = types.InputBlock
type Option = types.PlainTextOption

export interface ModalSpec {
  readonly callbackId: string
  readonly title: string
  readonly blocks: ReadonlyArray<Block | InputBlock>
  readonly submit?: string
  readonly close?: string
  readonly privateMetadata?: string
}

export const modal = (spec: ModalSpec): View => ({
  type: "modal",
  callback_id: spec.callbackId,
  title: plainText(spec.title, LIMITS.modalTitle),
  ...(spec.submit !== undefined ? { submit: plainText(spec.submit, LIMITS.modalButton) } : {}),
  ...(spec.close !== undefined ? { close: plainText(spec.close, LIMITS.modalButton) } : {}),
  // Metadata is never cut silently: a value that does not fit is a bug in its encoder.
  ...(spec.privateMetadata !== undefined ? { private_metadata: spec.privateMetadata } : {}),
  blocks: withUniqueIds(spec.blocks.slice(0, LIMITS.blocksPerModal)) as Array<types.KnownBlock>
})

/** The App Home tab. */
export const home = (blocks: ReadonlyArray<Block>): HomeView => ({
  type: "home",
  blocks: withUniqueIds(blocks.slice(0, LIMITS.blocksPerModal))
})

export const option = (text: string, value: string): Option => ({
  text: plainText(text, LIMITS.optionText),
  value: value.slice(0, LIMITS.optionValue)
})

export interface TextInputSpec {
  readonly actionId: string
  readonly placeholder?: string
  readonly initialValue?: string
  readonly maxLength?: number
  readonly multiline?: boolean
}

export const textInput = (spec: TextInputSpec): types.PlainTextInput => ({
  type: "plain_text_input",
  action_id: spec.actionId,
  ...(spec.placeholder !== undefined ? { placeholder: plainText(spec.placeholder, LIMITS.placeholder) } : {}),
  ...(spec.initialValue !== undefined && spec.initialValue !== ""
    ? { initial_value: clip(spec.initialValue, LIMITS.plainTextInput) }
    : {}),
  max_length: Math.min(spec.maxLength ?? LIMITS.plainTextInput, LIMITS.plainTextInput),
  ...(spec.multiline === true ? { multiline: true } : {})
})

export interface SelectSpec {
  readonly actionId: string
  readonly options: ReadonlyArray<Option>
  readonly initial?: string
  readonly placeholder?: string
}

export const staticSelect = (spec: SelectSpec): types.StaticSelect => {
  const options = spec.options.slice(0, LIMITS.selectOptions)
  const initial = options.find((o) => o.value === spec.initial)
  return {
    type: "static_select",
    action_id: spec.actionId,
    options,
    ...(initial !== undefined ? { initial_option: initial } : {}),
    ...(spec.placeholder !== undefined ? { placeholder: plainText(spec.placeholder, LIMITS.placeholder) } : {})
  }
}

/** A select whose options the bot serves as the person types (the app picker). */
export const externalSelect = (spec: {
  readonly actionId: string
  readonly placeholder: string
  readonly minQueryLength?: number
}): types.ExternalSelect => ({
  type: "external_select",
  action_id: spec.actionId,
  placeholder: plainText(spec.placeholder, LIMITS.placeholder),
  // Slack's default of 3 would hide short app names.
  min_query_length: spec.minQueryLength ?? 0
})

export interface InputSpec {
  readonly blockId: string
  readonly label: string
  readonly element: types.InputBlock["element"]
  readonly hint?: string
  readonly optional?: boolean
  readonly dispatchAction?: boolean
}

export const input = (spec: InputSpec): InputBlock => ({
  type: "input",
  block_id: spec.blockId,
  label: plainText(spec.label, LIMITS.inputLabel),
  element: spec.element,
  ...(spec.hint !== undefined ? { hint: plainText(spec.hint, LIMITS.inputLabel) } : {}),
  ...(spec.optional === true ? { optional: true } : {}),
  ...(spec.dispatchAction === true ? { dispatch_action: true } : {})
})
