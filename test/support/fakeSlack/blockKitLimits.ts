// Slack's Block Kit limits, each from docs/slack-platform.md §5 (where @slack/types and the docs differ,
// the stricter value). The block-text total is not documented: issue 9 measured Slack refusing pages of
// about 13,000 characters of block text with `msg_blocks_too_long`, so the fake refuses past 12,000, a
// little below, to catch pages that only just pass.

export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  /** Characters of text in all blocks together (every `text` string at any depth). */
  totalBlockText: 12_000,
  /** A message's top-level `text`: past this, `msg_too_long`. */
  messageText: 40_000,
  /** chat.postMessage: "A maximum of 100 attachments are allowed on a message" (`too_many_attachments`). */
  attachments: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  selectOptions: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  optionText: 75,
  optionValue: 75,
  optionDescription: 75,
  overflowOptions: 5,
  placeholder: 150,
  plainTextInput: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  /** views.open/update/push/publish: `view_too_large` above 250 kB. */
  viewBytes: 250_000
} as const

/** The fake's former name for the message limits (kept for the tests that name them). */
export const MESSAGE_LIMITS = {
  blocks: BLOCK_KIT_LIMITS.blocksPerMessage,
  sectionText: BLOCK_KIT_LIMITS.sectionText,
  sectionFields: BLOCK_KIT_LIMITS.sectionFields,
  fieldText: BLOCK_KIT_LIMITS.fieldText,
  headerText: BLOCK_KIT_LIMITS.headerText,
  totalBlockText: BLOCK_KIT_LIMITS.totalBlockText,
  text: BLOCK_KIT_LIMITS.messageText
} as const
