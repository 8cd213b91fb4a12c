import { Schema } from "effect"
import { actions, button, context, type Message, message, section } from "../../blockKit/blocks.js"
import { LIMITS } from "../../blockKit/limits.js"
import { code, plain, trustedLink } from "../../blockKit/text.js"
import { input, modal, option, staticSelect, textInput, type View } from "../../blockKit/views.js"
import { APP_NAME_RULES } from "../../scalingo/appName.js"
import type { App } from "../../scalingo/schemas/app.js"
import type { Region } from "../../scalingo/schemas/region.js"
import { jsonCodec, RegionName } from "../../runtime/codecs.js"
import { ModalOrigin } from "../../runtime/modals/modalOrigin.js"
import { dashboardUrl } from "../../views/links.js"

export const CREATE_CALLBACK = "create_app"
export const NAME_BLOCK = "name"
export const NAME_ACTION = "name"
export const REGION_BLOCK = "region"
export const REGION_ACTION = "region"

const TITLE = "Create a Scalingo app"

/** The regions offered, kept with the form so a late answer can show it again without another request. */
const OfferedRegion = Schema.Struct({
  n: RegionName,
  d: Schema.String.pipe(Schema.maxLength(60)),
  def: Schema.optional(Schema.Boolean)
})
export const CreateMetadata = jsonCodec(
  Schema.extend(ModalOrigin, Schema.Struct({ g: Schema.Array(OfferedRegion).pipe(Schema.maxItems(20)) })),
  LIMITS.privateMetadata
)
export type CreateMetadata = Parameters<typeof CreateMetadata.encode>[0]

export const offeredRegions = (regions: ReadonlyArray<Region>): CreateMetadata["g"] =>
  regions
    .slice(0, 20)
    .map((r) => ({ n: r.name, d: (r.display_name || r.name).slice(0, 60), ...(r.default ? { def: true } : {}) }))

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
export const createForm = (metadata: CreateMetadata, state: CreateFormState = {}): View => {
  const regions = metadata.g
  const chosen = regions.find((r) => r.n === state.region) ?? regions.find((r) => r.def === true) ?? regions[0]
  return modal({
    callbackId: CREATE_CALLBACK,
    title: TITLE,
    submit: "Create app",
    close: "Cancel",
    privateMetadata: CreateMetadata.encode(metadata),
    blocks: [
      input({
        blockId: NAME_BLOCK,
        label: "App name",
        hint: APP_NAME_RULES,
        element: textInput({
          actionId: NAME_ACTION,
          maxLength: 100,
          placeholder: "my-new-app",
          ...(state.name !== undefined ? { initialValue: state.name } : {})
        })
      }),
      ...(state.nameProblem !== undefined ? [context(`:warning: ${state.nameProblem}`)] : []),
      input({
        blockId: REGION_BLOCK,
        label: "Region",
        element: staticSelect({
          actionId: REGION_ACTION,
          options: regions.map((r) => option(`${r.d} (${r.n})`, r.n)),
          ...(chosen !== undefined ? { initial: chosen.n } : {})
        })
      }),
      ...(state.regionProblem !== undefined ? [context(`:warning: ${state.regionProblem}`)] : [])
    ]
  })
}

const info = (privateMetadata: string | undefined, close: string, ...texts: ReadonlyArray<string>) =>
  modal({
    callbackId: CREATE_CALLBACK,
    title: TITLE,
    close,
    ...(privateMetadata !== undefined ? { privateMetadata } : {}),
    blocks: texts.map((text) => section(text))
  })

export const loadingView = (privateMetadata: string): View =>
  info(privateMetadata, "Cancel", ":hourglass_flowing_sand: Reading the regions your Scalingo account can use…")

export const creatingView = (name: string, region: string): View =>
  info(
    undefined,
    "Close",
    `:hourglass_flowing_sand: Creating *${plain(name)}* in ${code(region)}… ` +
      "You can close this window; the channel will be told when it exists."
  )

export const createdView = (app: App, region: string): View =>
  modal({
    callbackId: CREATE_CALLBACK,
    title: TITLE,
    close: "Done",
    blocks: [
      section(`:tada: *${plain(app.name)}* now exists in ${code(region)}.`),
      context(trustedLink(dashboardUrl(region, app.name), "Open it in the dashboard"))
    ]
  })

/** A final answer in the modal; `details` are already-rendered lines (e.g. a link). */
export const outcomeView = (text: string, ...details: ReadonlyArray<string>): View =>
  modal({
    callbackId: CREATE_CALLBACK,
    title: TITLE,
    close: "Close",
    blocks: [section(text), ...(details.length > 0 ? [context(...details)] : [])]
  })

/** The channel announcement: the app, where, who, how to push to it. */
export const createdMessage = (app: App, region: string, userId: string): Message =>
  message(`<@${userId}> created the Scalingo app ${app.name} in ${region}.`, [
    section(`:tada: <@${userId}> created the Scalingo app *${plain(app.name)}* in ${code(region)}.`),
    ...(app.git_url ? [context(`Git remote: ${code(app.git_url, 200)}`)] : []),
    actions("app_created", [
      button({
        actionId: "open_dashboard",
        text: "Open in dashboard",
        url: dashboardUrl(region, app.name),
        style: "primary"
      })
    ])
  ])
