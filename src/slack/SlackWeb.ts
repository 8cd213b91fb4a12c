import { HttpClientLive } from "../HttpClientLive.js"
import { Context, Effect, Layer, Option, type Redacted } from "effect"
import type { types } from "@slack/bolt"
import { Installations } from "../storage/Installations.js"
import { SlackSettings } from "./SlackSettings.js"
import type { Message } from "../blockKit/blocks.js"
import type { View } from "../blockKit/views.js"
import { makeFileUpload } from "./web/fileUpload.js"
import { makeMessages } from "./web/messages.js"
import { makePeople } from "./web/people.js"
import { makeRespond } from "./web/responseUrl.js"
import type { SlackApiError } from "./web/SlackApiError.js"
import { makeSlackHttp } from "./web/SlackHttp.js"
import { SlackRetryPolicy } from "./web/SlackRetryPolicy.js"
import { makeViews } from "./web/views.js"
import { makeWebApi } from "./web/webApi.js"

export { SlackApiError } from "./web/SlackApiError.js"
export { SlackRetryPolicy, type SlackRetryPolicyValues } from "./web/SlackRetryPolicy.js"

export interface RespondBody {
  readonly message: Message
  readonly replaceOriginal?: boolean
  readonly inChannel?: boolean
}

export type HomeView = types.HomeView

/** A file for a channel or a direct message, optionally in a thread with a comment. */
export interface FileUpload {
  readonly channel: string
  readonly filename: string
  readonly content: string | Uint8Array
  readonly title?: string
  readonly threadTs?: string
  readonly initialComment?: string
  /** Slack's syntax type for a text snippet ("text", "javascript", …). */
  readonly snippetType?: string
}

export interface SlackUser {
  readonly id: string
  readonly name: string
  readonly realName: string | undefined
  readonly tz: string | undefined
  readonly isAdmin: boolean
  readonly isOwner: boolean
  readonly isPrimaryOwner: boolean
  readonly isBot: boolean
  readonly deleted: boolean
  /** The person's own workspace, and organisation on Enterprise Grid (another one in a shared channel). */
  readonly teamId: string | undefined
  readonly enterpriseId: string | undefined
}

/** Who the bot is, and the workspace (and Grid organisation) it is installed in. */
export interface BotIdentity {
  readonly botId: string | undefined
  readonly botUserId: string | undefined
  readonly team: string | undefined
  readonly teamId: string | undefined
  readonly enterpriseId: string | undefined
}

/** When the interaction that gave a trigger_id arrived (epoch ms): the trigger lives 3 s from then. */
export interface TriggerOptions {
  readonly receivedAt?: number
}

type Call<A> = Effect.Effect<A, SlackApiError>

/** Slack's Web API as the bot installed in one workspace. Commands talk to it through plain values. */
export interface SlackWebService {
  readonly postMessage: (args: { channel: string; message: Message; threadTs?: string }) => Call<{
    ts: string
    channel: string
  }>
  readonly postEphemeral: (args: { channel: string; user: string; message: Message }) => Call<void>
  /** Never throttled nor queued here: callers pace their edits; Slack's codes come back as they are. */
  readonly update: (args: { channel: string; ts: string; message: Message }) => Call<void>
  readonly deleteMessage: (args: { channel: string; ts: string }) => Call<void>
  /** Fails at once when Slack's Retry-After would outlive the trigger. */
  readonly openView: (triggerId: string, view: View, options?: TriggerOptions) => Call<{ viewId: string }>
  readonly pushView: (triggerId: string, view: View, options?: TriggerOptions) => Call<{ viewId: string }>
  readonly updateView: (viewId: string, view: View) => Call<void>
  /** The person's App Home tab. */
  readonly publishHome: (userId: string, view: HomeView) => Call<void>
  readonly respond: (responseUrl: string, body: RespondBody) => Call<void>
  /** The direct message channel between the bot and a person. */
  readonly openDirectMessage: (userId: string) => Call<{ channel: string }>
  readonly uploadFile: (upload: FileUpload) => Call<{ fileId: string }>
  readonly userInfo: (userId: string) => Call<SlackUser>
  readonly authTest: Call<BotIdentity>
}

/** The only door to Slack's Web API: every call is made as the bot of one workspace (team). */
export interface SlackWebTeams {
  /** The team's bot, its token read from the installation store at each call (cached there briefly). */
  readonly forTeam: (teamId: string) => SlackWebService
  /** The bot of an explicit token: only to identify a token before it is installed (auth.test). */
  readonly withToken: (botToken: Redacted.Redacted<string>) => SlackWebService
}

export class SlackWeb extends Context.Tag("bot/slack/SlackWeb")<SlackWeb, SlackWebTeams>() {}

/** A team without an installation, or a store that cannot be read: the call fails with this code. */
const NOT_INSTALLED = { code: "not_installed" } as const
const STORE_UNAVAILABLE = { code: "installation_unavailable" } as const

/** SlackWeb on whatever HttpClient the layer is given (tests and the composition root choose). */
export const SlackWebFromHttpClient = Layer.effect(
  SlackWeb,
  Effect.gen(function* () {
    const settings = yield* SlackSettings
    const policy = yield* SlackRetryPolicy
    const installations = yield* Installations
    const http = yield* makeSlackHttp
    const respond = makeRespond(http)
    const clientOf = (botToken: Effect.Effect<Redacted.Redacted<string>, { readonly code: string }>) => {
      const api = makeWebApi(http, settings.apiUrl, botToken)
      return {
        ...makeMessages(api),
        ...makeViews(api, policy),
        ...makePeople(api),
        respond,
        uploadFile: makeFileUpload(api, http)
      } satisfies SlackWebService
    }
    const tokenOf = (teamId: string) =>
      installations.find(teamId).pipe(
        Effect.mapError(() => STORE_UNAVAILABLE),
        Effect.flatMap(
          Option.match({ onNone: () => Effect.fail(NOT_INSTALLED), onSome: (found) => Effect.succeed(found.botToken) })
        )
      )
    const teams = new Map<string, SlackWebService>()
    return SlackWeb.of({
      forTeam: (teamId) => {
        const known = teams.get(teamId)
        if (known !== undefined) return known
        if (teams.size >= 1_000) teams.clear()
        const client = clientOf(tokenOf(teamId))
        teams.set(teamId, client)
        return client
      },
      withToken: (botToken) => clientOf(Effect.succeed(botToken))
    })
  })
)

export const SlackWebLive = SlackWebFromHttpClient.pipe(Layer.provide(HttpClientLive))
