/** Slack's Block Kit limits (docs/slack-platform.md §5), enforced by the builders so no payload is refused. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  /**
   * Slack refuses a message whose blocks hold too much text in all (`msg_blocks_too_long`); no source
   * gives the figure, about 13,000 characters was observed, so messages stay under 12,000.
   */
  messageBlockText: 12_000,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  overflowOptions: 5,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  optionText: 75,
  optionValue: 75,
  selectOptions: 100,
  placeholder: 150,
  inputLabel: 2000,
  plainTextInput: 3000,
  fallbackText: 3000
} as const
