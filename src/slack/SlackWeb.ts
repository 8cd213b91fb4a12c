import { webApi } from "@slack/bolt"
import { Context, Data, Duration, Effect, Layer, Redacted, Schedule } from "effect"
import { SlackSettings } from "./SlackSettings.js"
import type { Message } from "../blockKit/blocks.js"
import type { View } from "../blockKit/views.js"

/** A Slack Web API call (or response_url POST) that did not succeed; `code` is Slack's error code. */
export class SlackApiError extends Data.TaggedError("SlackApiError")<{
  readonly method: string
  readonly code: string
}> {
  override get message() {
    return `Slack ${this.method} failed: ${this.code}`
  }
}

export interface RespondBody {
  readonly message: Message
  readonly replaceOriginal?: boolean
  readonly inChannel?: boolean
}

/** The only door to Slack's Web API. Commands talk to it through plain values, never Bolt objects. */
export interface SlackWebService {
  readonly postMessage: (args: {
    channel: string
    message: Message
    threadTs?: string
  }) => Effect.Effect<{ ts: string; channel: string }, SlackApiError>
  readonly postEphemeral: (args: {
    channel: string
    user: string
    message: Message
  }) => Effect.Effect<void, SlackApiError>
  readonly update: (args: { channel: string; ts: string; message: Message }) => Effect.Effect<void, SlackApiError>
  readonly openView: (triggerId: string, view: View) => Effect.Effect<{ viewId: string }, SlackApiError>
  readonly updateView: (viewId: string, view: View) => Effect.Effect<void, SlackApiError>
  readonly respond: (responseUrl: string, body: RespondBody) => Effect.Effect<void, SlackApiError>
  readonly authTest: Effect.Effect<
    { botId: string | undefined; botUserId: string | undefined; team: string | undefined },
    SlackApiError
  >
}

export class SlackWeb extends Context.Tag("bot/slack/SlackWeb")<SlackWeb, SlackWebService>() {}

/** How hard to retry Slack: a few quick retries suit user-facing replies (the SDK default is 30 minutes). */
export class SlackRetryPolicy extends Context.Reference<SlackRetryPolicy>()("bot/slack/SlackRetryPolicy", {
  defaultValue: () => ({ retries: 2, factor: 2, minTimeout: 300, maxTimeout: 3_000, requestTimeoutMs: 10_000 })
}) {}

const codeOf = (error: unknown): string => {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number }
  if (e?.code === webApi.ErrorCode.PlatformError && typeof e.data?.error === "string") return e.data.error
  if (e?.code === webApi.ErrorCode.RateLimitedError) return "ratelimited"
  if (e?.code === webApi.ErrorCode.HTTPError) return `http_${e.statusCode ?? "error"}`
  if (e?.code === webApi.ErrorCode.RequestError) return "request_failed"
  return "unknown_error"
}

/** Slack's error code when a response_url answers `{"ok":false,"error":…}`; undefined for any other body. */
const refusalIn = (text: string): string | undefined => {
  try {
    const body = JSON.parse(text) as { ok?: unknown; error?: unknown }
    return body?.ok === false ? String(body.error ?? "unknown_error").slice(0, 80) : undefined
  } catch {
    return undefined
  }
}

export const SlackWebLive = Layer.effect(
  SlackWeb,
  Effect.gen(function* () {
    const settings = yield* SlackSettings
    const policy = yield* SlackRetryPolicy
    const client = new webApi.WebClient(Redacted.value(settings.botToken), {
      slackApiUrl: settings.apiUrl,
      retryConfig: {
        retries: policy.retries,
        factor: policy.factor,
        minTimeout: policy.minTimeout,
        maxTimeout: policy.maxTimeout
      },
      timeout: policy.requestTimeoutMs,
      logLevel: webApi.LogLevel.ERROR
    })

    const call = <A>(method: string, f: () => Promise<A>) =>
      Effect.tryPromise({ try: f, catch: (error) => new SlackApiError({ method, code: codeOf(error) }) }).pipe(
        Effect.withSpan(`SlackWeb.${method}`)
      )

    /** One response_url POST: a non-2xx status or an `{"ok":false}` body is a SlackApiError. */
    const respondOnce = (responseUrl: string, body: RespondBody) =>
      Effect.tryPromise({
        try: async (signal) => {
          const response = await fetch(responseUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              text: body.message.text,
              blocks: body.message.blocks,
              response_type: body.inChannel ? "in_channel" : "ephemeral",
              replace_original: body.replaceOriginal ?? false
            }),
            signal: AbortSignal.any([signal, AbortSignal.timeout(policy.requestTimeoutMs)])
          })
          return {
            status: response.status,
            ok: response.ok,
            retryAfter: Number(response.headers.get("retry-after")),
            text: await response.text()
          }
        },
        catch: () => new SlackApiError({ method: "response_url", code: "request_failed" })
      }).pipe(
        Effect.flatMap((answer) => {
          if (answer.ok) {
            const refused = refusalIn(answer.text)
            return refused === undefined
              ? Effect.void
              : Effect.fail(new SlackApiError({ method: "response_url", code: refused }))
          }
          const error = new SlackApiError({ method: "response_url", code: `http_${answer.status}` })
          // Slack's Retry-After is waited out (bounded) before the retry schedule adds its own backoff.
          const wait =
            answer.status === 429 && answer.retryAfter > 0 ? Math.min(answer.retryAfter * 1000, policy.maxTimeout) : 0
          return wait > 0
            ? Effect.zipRight(Effect.sleep(Duration.millis(wait)), Effect.fail(error))
            : Effect.fail(error)
        })
      )

    // Retried like the WebClient's calls: Slack busy (5xx, 429) or unreachable; a refusal is final.
    const respond = (responseUrl: string, body: RespondBody) =>
      respondOnce(responseUrl, body).pipe(
        Effect.retry({
          schedule: Schedule.exponential(Duration.millis(policy.minTimeout), policy.factor),
          times: policy.retries,
          while: (error) =>
            error.code === "request_failed" || error.code === "http_429" || /^http_5\d\d$/.test(error.code)
        }),
        Effect.withSpan("SlackWeb.respond")
      )

    return SlackWeb.of({
      postMessage: ({ channel, message, threadTs }) =>
        call("chat.postMessage", () =>
          client.chat.postMessage({
            channel,
            text: message.text,
            blocks: [...message.blocks],
            unfurl_links: false,
            unfurl_media: false,
            ...(threadTs !== undefined ? { thread_ts: threadTs } : {})
          })
        ).pipe(Effect.map((r) => ({ ts: String(r.ts ?? ""), channel: String(r.channel ?? channel) }))),
      postEphemeral: ({ channel, user, message }) =>
        call("chat.postEphemeral", () =>
          client.chat.postEphemeral({ channel, user, text: message.text, blocks: [...message.blocks] })
        ).pipe(Effect.asVoid),
      update: ({ channel, ts, message }) =>
        call("chat.update", () =>
          client.chat.update({ channel, ts, text: message.text, blocks: [...message.blocks] })
        ).pipe(Effect.asVoid),
      openView: (triggerId, view) =>
        call("views.open", () => client.views.open({ trigger_id: triggerId, view })).pipe(
          Effect.map((r) => ({ viewId: String(r.view?.id ?? "") }))
        ),
      updateView: (viewId, view) =>
        call("views.update", () => client.views.update({ view_id: viewId, view })).pipe(Effect.asVoid),
      respond,
      authTest: call("auth.test", () => client.auth.test()).pipe(
        Effect.map((r) => ({ botId: r.bot_id, botUserId: r.user_id, team: r.team }))
      )
    })
  })
)
