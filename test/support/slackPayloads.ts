// Factories for what Slack sends to a bot's Request URL (slack-platform.md §2.3, §2.4). Plain objects,
// so abuse tests can start from a valid payload and break one field at a time.

export const SLACK_DEFAULTS = {
  teamId: "T0001",
  teamDomain: "example",
  userId: "U0001",
  userName: "alice",
  channelId: "C0001",
  channelName: "ops",
  apiAppId: "A0001",
  command: "/scalingo"
} as const

let triggerSerial = 0
/** A fresh trigger_id shaped like Slack's. */
export const triggerId = (): string => `${Date.now()}.${++triggerSerial}.${Math.random().toString(16).slice(2, 14)}`

export interface SlashCommandFieldsOptions {
  text: string
  command?: string
  userId?: string
  userName?: string
  teamId?: string
  channelId?: string
  channelName?: string
  responseUrl?: string
  triggerId?: string
}

/** The flat form fields of a slash command; every value is a string, as on the wire. */
export const slashCommandFields = (options: SlashCommandFieldsOptions): Record<string, string> => ({
  token: "legacy-verification-token",
  team_id: options.teamId ?? SLACK_DEFAULTS.teamId,
  team_domain: SLACK_DEFAULTS.teamDomain,
  channel_id: options.channelId ?? SLACK_DEFAULTS.channelId,
  channel_name: options.channelName ?? SLACK_DEFAULTS.channelName,
  user_id: options.userId ?? SLACK_DEFAULTS.userId,
  user_name: options.userName ?? SLACK_DEFAULTS.userName,
  command: options.command ?? SLACK_DEFAULTS.command,
  text: options.text,
  api_app_id: SLACK_DEFAULTS.apiAppId,
  is_enterprise_install: "false",
  response_url: options.responseUrl ?? "https://hooks.slack.com/commands/T0001/1/unset",
  trigger_id: options.triggerId ?? triggerId()
})

const userObject = (userId: string, userName: string, teamId: string) => ({
  id: userId,
  username: userName,
  name: userName,
  team_id: teamId
})

export interface BlockActionOptions {
  actionId: string
  value?: string
  blockId?: string
  actionType?: string
  /** For selects: the chosen option (its text defaults to its value). */
  selectedOption?: { value: string; text?: unknown }
  userId?: string
  userName?: string
  teamId?: string
  channelId?: string
  messageTs?: string
  threadTs?: string
  messageBlocks?: ReadonlyArray<unknown>
  responseUrl?: string
  triggerId?: string
  /** A click inside a modal: the view as recorded by the fake Slack. No channel, message or response_url then. */
  view?: Record<string, unknown> & { id: string }
  /** Overrides the computed container (e.g. `{ type: "message", is_ephemeral: true, ... }`). */
  container?: Record<string, unknown>
}

const option = (selected: { value: string; text?: unknown }) => ({
  text: selected.text ?? { type: "plain_text", text: selected.value },
  value: selected.value
})

/** A block_actions payload for one button (or select) click. */
export const blockActionsPayload = (options: BlockActionOptions): Record<string, unknown> => {
  const teamId = options.teamId ?? SLACK_DEFAULTS.teamId
  const channelId = options.channelId ?? SLACK_DEFAULTS.channelId
  const messageTs = options.messageTs ?? "1700000000.000100"
  const action: Record<string, unknown> = {
    type: options.actionType ?? "button",
    action_id: options.actionId,
    block_id: options.blockId ?? "actions",
    action_ts: `${Math.floor(Date.now() / 1000)}.000001`
  }
  if (options.value !== undefined) action.value = options.value
  if (action.type === "button") action.text = { type: "plain_text", text: options.actionId }
  if (options.selectedOption !== undefined) action.selected_option = option(options.selectedOption)
  const common = {
    type: "block_actions",
    user: userObject(options.userId ?? SLACK_DEFAULTS.userId, options.userName ?? SLACK_DEFAULTS.userName, teamId),
    api_app_id: SLACK_DEFAULTS.apiAppId,
    token: "legacy-verification-token",
    trigger_id: options.triggerId ?? triggerId(),
    team: { id: teamId, domain: SLACK_DEFAULTS.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action]
  }
  if (options.view !== undefined) {
    return { ...common, container: options.container ?? { type: "view", view_id: options.view.id }, view: options.view }
  }
  const container = options.container ?? {
    type: "message",
    message_ts: messageTs,
    channel_id: channelId,
    is_ephemeral: false,
    ...(options.threadTs !== undefined ? { thread_ts: options.threadTs } : {})
  }
  return {
    ...common,
    container,
    channel: { id: channelId, name: SLACK_DEFAULTS.channelName },
    message: {
      type: "message",
      ts: messageTs,
      text: "",
      blocks: options.messageBlocks ?? [],
      ...(options.threadTs !== undefined ? { thread_ts: options.threadTs } : {})
    },
    response_url: options.responseUrl ?? "https://hooks.slack.com/actions/T0001/1/unset"
  }
}

export interface ViewStateInput {
  type: string
  value?: string | null
  selected_option?: { value: string; text?: unknown } | null
  [field: string]: unknown
}
export type ViewStateValues = Record<string, Record<string, ViewStateInput>>

/** `view.state.values` as Slack sends it; a selected option's text defaults to its value. */
export const stateValues = (values: ViewStateValues): Record<string, Record<string, Record<string, unknown>>> =>
  Object.fromEntries(
    Object.entries(values).map(([blockId, actions]) => [
      blockId,
      Object.fromEntries(
        Object.entries(actions).map(([actionId, input]) => [
          actionId,
          input.selected_option ? { ...input, selected_option: option(input.selected_option) } : { ...input }
        ])
      )
    ])
  )

export interface ViewSubmissionOptions {
  /** The view the bot opened, as recorded by the fake Slack (with its `id`). */
  view: Record<string, unknown>
  values: ViewStateValues
  userId?: string
  userName?: string
  teamId?: string
  triggerId?: string
  responseUrls?: ReadonlyArray<unknown>
}

/** A view_submission payload: callback_id and private_metadata come from the opened view. */
export const viewSubmissionPayload = (options: ViewSubmissionOptions): Record<string, unknown> => {
  const teamId = options.teamId ?? SLACK_DEFAULTS.teamId
  return {
    type: "view_submission",
    team: { id: teamId, domain: SLACK_DEFAULTS.teamDomain },
    user: userObject(options.userId ?? SLACK_DEFAULTS.userId, options.userName ?? SLACK_DEFAULTS.userName, teamId),
    api_app_id: SLACK_DEFAULTS.apiAppId,
    token: "legacy-verification-token",
    trigger_id: options.triggerId ?? triggerId(),
    view: {
      ...options.view,
      callback_id: options.view.callback_id ?? "",
      private_metadata: options.view.private_metadata ?? "",
      state: { values: stateValues(options.values) }
    },
    response_urls: options.responseUrls ?? [],
    is_enterprise_install: false,
    enterprise: null
  }
}

/** The form body of a slash command. */
export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString()

/** The form body of any interactive request: one `payload` field holding URL-encoded JSON. */
export const interactiveBody = (payload: unknown): string => `payload=${encodeURIComponent(JSON.stringify(payload))}`
