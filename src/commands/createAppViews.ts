import { APP_NAME_RULES } from "../scalingo/appName.js"
import type { App } from "../scalingo/schemas/app.js"
import type { Region } from "../scalingo/schemas/region.js"
import {
  actions,
  button,
  clip,
  context,
  escapeMrkdwn,
  message,
  plainText,
  section,
  type Message,
  type View
} from "../slack/blocks.js"
import { dashboardUrl } from "./appsView.js"

export const CREATE_CALLBACK = "create_app"
export const NAME_BLOCK = "name"
export const NAME_ACTION = "name"
export const REGION_BLOCK = "region"
export const REGION_ACTION = "region"

const base = { type: "modal" as const, callback_id: CREATE_CALLBACK, title: plainText("Create a Scalingo app", 24) }

const regionOption = (region: Region) => ({
  text: plainText(`${region.display_name || region.name} (${region.name})`, 75),
  value: region.name.slice(0, 75)
})

export interface CreateFormState {
  readonly name?: string
  readonly region?: string
  readonly nameProblem?: string
  readonly regionProblem?: string
}

/**
 * The create form. `state` refills what the person typed and shows a problem under its field when a
 * slow Scalingo answered after the modal moved on (quick answers use Slack's own inline errors).
 */
export const createForm = (
  privateMetadata: string,
  regions: ReadonlyArray<Region>,
  state: CreateFormState = {}
): View => {
  const options = regions.slice(0, 100).map(regionOption)
  const chosen =
    options.find((o) => o.value === state.region) ??
    options.find((o) => regions.find((r) => r.name === o.value)?.default) ??
    options[0]
  return {
    ...base,
    private_metadata: privateMetadata,
    submit: plainText("Create app", 24),
    close: plainText("Cancel", 24),
    blocks: [
      {
        type: "input",
        block_id: NAME_BLOCK,
        label: plainText("App name", 2000),
        hint: plainText(APP_NAME_RULES, 2000),
        element: {
          type: "plain_text_input",
          action_id: NAME_ACTION,
          max_length: 100,
          placeholder: plainText("my-new-app", 150),
          ...(state.name !== undefined && state.name.length > 0 ? { initial_value: clip(state.name, 100) } : {})
        }
      },
      ...(state.nameProblem !== undefined ? [context(`:warning: ${state.nameProblem}`)] : []),
      {
        type: "input",
        block_id: REGION_BLOCK,
        label: plainText("Region", 2000),
        element: {
          type: "static_select",
          action_id: REGION_ACTION,
          options,
          ...(chosen !== undefined ? { initial_option: chosen } : {})
        }
      },
      ...(state.regionProblem !== undefined ? [context(`:warning: ${state.regionProblem}`)] : [])
    ]
  }
}

export const loadingView = (privateMetadata: string): View => ({
  ...base,
  private_metadata: privateMetadata,
  close: plainText("Cancel", 24),
  blocks: [section(":hourglass_flowing_sand: Reading the regions your Scalingo account can use…")]
})

export const creatingView = (name: string, region: string): View => ({
  ...base,
  close: plainText("Close", 24),
  blocks: [
    section(
      `:hourglass_flowing_sand: Creating *${escapeMrkdwn(name)}* in \`${escapeMrkdwn(region)}\`… You can close this window; the channel will be told when it exists.`
    )
  ]
})

export const createdView = (app: App, region: string): View => ({
  ...base,
  close: plainText("Done", 24),
  blocks: [
    section(`:tada: *${escapeMrkdwn(app.name)}* now exists in \`${escapeMrkdwn(region)}\`.`),
    context(`<${dashboardUrl(region, app.name)}|Open it in the dashboard>`)
  ]
})

export const outcomeView = (text: string, link?: string): View => ({
  ...base,
  close: plainText("Close", 24),
  blocks: [section(text), ...(link !== undefined ? [context(`<${link}|${escapeMrkdwn(link)}>`)] : [])]
})

/** The channel announcement: the app, where, who, how to push to it. */
export const createdMessage = (app: App, region: string, userId: string): Message =>
  message(`New Scalingo app ${app.name} in ${region}`, [
    section(`:tada: <@${userId}> created the Scalingo app *${escapeMrkdwn(app.name)}* in \`${escapeMrkdwn(region)}\`.`),
    ...(app.git_url ? [context(`Git remote: \`${escapeMrkdwn(app.git_url)}\``)] : []),
    actions("app_created", [
      button({
        actionId: "open_dashboard",
        text: "Open in dashboard",
        url: dashboardUrl(region, app.name),
        style: "primary"
      })
    ])
  ])
