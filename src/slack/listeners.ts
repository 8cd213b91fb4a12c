import type { App } from "@slack/bolt"
import type { Effect } from "effect"
import type {
  Person,
  ButtonClick,
  OptionsRequest,
  SlashInvocation,
  ViewSubmission
} from "../runtime/interaction/Interaction.js"
import type { SelectOption } from "../commands/router.js"
import type { ViewAck } from "../runtime/replies/ModalAck.js"

/** How listeners hand work to Effect: `run` resolves with the effect's value and never rejects. */
export interface ListenerBridge {
  readonly slashCommand: (invocation: SlashInvocation) => Promise<void>
  readonly button: (click: ButtonClick) => Promise<void>
  readonly viewSubmission: (submission: ViewSubmission) => Promise<ViewAck>
  readonly options: (request: OptionsRequest) => Promise<ReadonlyArray<SelectOption>>
  readonly homeOpened: (opened: { readonly person: Person; readonly command: string }) => Promise<void>
}

/**
 * Lets the event loop read and acknowledge requests already waiting before this one's work starts:
 * under a burst, acknowledgements go out first instead of queueing behind other commands' work.
 */
const afterPendingAcks = () => new Promise<void>((resolve) => setImmediate(resolve))

const str = (value: unknown): string => (typeof value === "string" ? value : "")
const optionalStr = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined

/**
 * The listener registry: every listener acknowledges first (Slack's 3 seconds), turns Bolt's
 * arguments into plain values and hands them over. Nothing here knows Scalingo.
 */
export const registerListeners = (app: App, command: string, bridge: ListenerBridge): void => {
  app.command(command, async ({ ack, command: body }) => {
    const receivedAt = Date.now()
    await ack()
    await afterPendingAcks()
    await bridge.slashCommand({
      person: { teamId: str(body.team_id), userId: str(body.user_id), userName: str(body.user_name) },
      command: str(body.command) || command,
      receivedAt,
      channelId: str(body.channel_id),
      text: str(body.text),
      triggerId: str(body.trigger_id),
      responseUrl: str(body.response_url)
    })
  })

  // Every button, known or not, is acknowledged so Slack never shows a warning; unknown ids are ignored.
  app.action(/.*/, async ({ ack, body, action }) => {
    const receivedAt = Date.now()
    await ack()
    await afterPendingAcks()
    if (body.type !== "block_actions") return
    const a = action as {
      action_id?: unknown
      block_id?: unknown
      value?: unknown
      selected_option?: { value?: unknown } | null
    }
    const b = body as unknown as {
      user?: { id?: unknown; username?: unknown; name?: unknown; team_id?: unknown }
      team?: { id?: unknown } | null
      channel?: { id?: unknown }
      container?: { message_ts?: unknown; thread_ts?: unknown; channel_id?: unknown; is_ephemeral?: unknown }
      message?: { ts?: unknown; thread_ts?: unknown; text?: unknown; blocks?: unknown }
      view?: { id?: unknown }
      response_url?: unknown
      trigger_id?: unknown
    }
    const messageTs = optionalStr(b.message?.ts ?? b.container?.message_ts)
    await bridge.button({
      person: {
        teamId: str(b.team?.id ?? b.user?.team_id),
        userId: str(b.user?.id),
        userName: str(b.user?.username ?? b.user?.name)
      },
      command,
      receivedAt,
      actionId: str(a.action_id),
      blockId: str(a.block_id),
      value: str(a.value ?? a.selected_option?.value),
      channelId: optionalStr(b.channel?.id ?? b.container?.channel_id),
      threadTs: optionalStr(b.message?.thread_ts ?? b.container?.thread_ts),
      responseUrl: optionalStr(b.response_url),
      triggerId: optionalStr(b.trigger_id),
      viewId: optionalStr(b.view?.id),
      message:
        messageTs === undefined
          ? undefined
          : {
              ts: messageTs,
              text: str(b.message?.text),
              blocks: Array.isArray(b.message?.blocks) ? b.message.blocks : [],
              ephemeral: b.container?.is_ephemeral === true
            }
    })
  })

  // The App Home tab (Events API on the same URL, or Socket Mode); Bolt acknowledges events itself and
  // echoes the Events API's one-time url_verification challenge. The Messages tab publishes nothing.
  app.event("app_home_opened", async ({ event, body }) => {
    const e = event as { user?: unknown; tab?: unknown }
    const b = body as { team_id?: unknown }
    if (e.tab !== undefined && e.tab !== "home") return
    const userId = str(e.user)
    if (userId === "") return
    await afterPendingAcks()
    await bridge.homeOpened({ person: { teamId: str(b.team_id), userId, userName: "" }, command })
  })

  // Surfaces the bot does not offer are still acknowledged at once, so Slack never waits 3 s for a 404.
  app.view({ callback_id: /.*/, type: "view_closed" }, async ({ ack }) => {
    await ack()
  })
  app.shortcut(/.*/, async ({ ack }) => {
    await ack()
  })
  // A select's options (the app picker): answered within Slack's 3 s with whatever the bot knows.
  app.options(/.*/, async ({ ack, body }) => {
    const b = body as unknown as {
      user?: { id?: unknown; name?: unknown; team_id?: unknown }
      team?: { id?: unknown } | null
      action_id?: unknown
      block_id?: unknown
      value?: unknown
    }
    const options = await bridge.options({
      person: { teamId: str(b.team?.id ?? b.user?.team_id), userId: str(b.user?.id), userName: str(b.user?.name) },
      command,
      receivedAt: Date.now(),
      actionId: str(b.action_id),
      blockId: str(b.block_id),
      value: str(b.value).slice(0, 100)
    })
    await ack({ options: [...options] } as never)
  })

  app.view(/.*/, async ({ ack, body, view }) => {
    const receivedAt = Date.now()
    const answer = await bridge.viewSubmission({
      person: {
        teamId: str(body.team?.id ?? body.user?.team_id),
        userId: str(body.user?.id),
        userName: str(body.user?.name)
      },
      command,
      receivedAt,
      viewId: str(view.id),
      callbackId: str(view.callback_id),
      privateMetadata: str(view.private_metadata),
      values: (view.state?.values ?? {}) as ViewSubmission["values"]
    })
    await ack(answer as never)
  })
}

export type { Effect }
