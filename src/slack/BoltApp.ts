import { App, type CustomRoute, LogLevel } from "@slack/bolt"
import { Cause, Data, Effect, Exit, Layer, Option, Redacted, Runtime } from "effect"
import { Background } from "../Background.js"
import { LoggingSettings } from "../logging.js"
import { SlackSettings } from "./SlackSettings.js"
import {
  type CommandServices,
  handleButton,
  handleHomeOpened,
  handleOptions,
  handleSlashCommand,
  handleViewSubmission
} from "../commands/router.js"
import { StorageHealth } from "../storage/StorageHealth.js"
import { boltLogger } from "./boltLogger.js"
import { Watcher } from "../watching/Watcher.js"
import { doorbellRoute } from "./doorbellRoute.js"
import { hardenedHttpReceiver } from "./hardenedReceiver.js"
import { registerListeners } from "./listeners.js"
import { makeAckGate } from "./AckGate.js"
import { makeFirstDelivery } from "./replayGuard.js"
import { makeWorkTurns } from "./WorkTurns.js"
import { SlackRetryPolicy, SlackWeb } from "./SlackWeb.js"

/** The bot token was refused by Slack: starting would only fail every request. */
export class SlackTokenRefused extends Data.TaggedError("SlackTokenRefused")<{ readonly code: string }> {
  override get message() {
    return (
      `Slack refused SLACK_BOT_TOKEN (${this.code}). Copy the Bot User OAuth Token (xoxb-…) ` +
      `from your Slack app's "OAuth & Permissions" page.`
    )
  }
}

const refusedCodes = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"])

/**
 * Bolt as a scoped layer: started when the layer is built, stopped on shutdown, after which
 * in-flight work gets up to 10 seconds to finish before storage closes.
 */
export const BoltAppLive = Layer.scopedDiscard(
  Effect.gen(function* () {
    const settings = yield* SlackSettings
    const logging = yield* LoggingSettings
    const slack = yield* SlackWeb
    const background = yield* Background
    const health = yield* StorageHealth
    const policy = yield* SlackRetryPolicy
    const watcher = yield* Watcher
    const runtime = yield* Effect.runtime<CommandServices>()
    const runPromise = Runtime.runPromise(runtime)
    const runFork = Runtime.runFork(runtime)
    // Tracked in Background so shutdown waits for it; handlers never fail, they answer. One fiber per
    // interaction, run from the listener and observed (no second fiber joined, no context provided again).
    const tracked = <A>(effect: Effect.Effect<A, never, CommandServices>) =>
      new Promise<A>((resolve, reject) => {
        const fiber = runFork(effect)
        background.track(fiber)
        fiber.addObserver((exit) => (Exit.isSuccess(exit) ? resolve(exit.value) : reject(Cause.squash(exit.cause))))
      })
    const gate = makeAckGate()
    const firstDelivery = yield* makeFirstDelivery
    const turns = yield* makeWorkTurns(gate)
    const inTurn = <A>(effect: Effect.Effect<A, never, CommandServices>) => tracked(turns.inTurn(effect))

    // Verify the bot token deliberately: a refused token stops the start with a clear message,
    // an unreachable Slack only warns (Bolt would otherwise crash the process on its own check).
    const identity = yield* slack.authTest.pipe(Effect.timeout("5 seconds"), Effect.either)
    if (identity._tag === "Left") {
      const code = identity.left._tag === "SlackApiError" ? identity.left.code : "timeout"
      if (refusedCodes.has(code)) return yield* new SlackTokenRefused({ code })
      yield* Effect.logWarning(`Could not reach Slack to verify the bot token (${code}); starting anyway.`)
    } else {
      yield* Effect.logInfo(
        `Connected to Slack as bot ${identity.right.botUserId ?? "?"} in ${identity.right.team ?? "?"}`
      )
    }
    const botToken = Redacted.value(settings.botToken)
    const botId = identity._tag === "Right" ? identity.right.botId : undefined
    const botUserId = identity._tag === "Right" ? identity.right.botUserId : undefined
    const socketMode = Option.isSome(settings.appToken)

    const logger = boltLogger(runtime as Runtime.Runtime<never>, logging.level)
    const customRoutes: Array<CustomRoute> = [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_req, res) => {
          void runPromise(
            health.ping.pipe(
              Effect.timeout("2 seconds"),
              Effect.orElseSucceed(() => false)
            )
          ).then((ok) => {
            res.writeHead(ok ? 200 : 503, { "content-type": "application/json" })
            res.end(JSON.stringify({ ok, storage: ok ? "ok" : "unavailable", mode: socketMode ? "socket" : "http" }))
          })
        }
      },
      // Scalingo's webhook notifiers ring here (see src/watching/): a doorbell, never a source of what to post.
      doorbellRoute((secret) => runPromise(watcher.ring(secret)))
    ]

    const app = new App({
      ...(socketMode
        ? {
            socketMode: true,
            appToken: Redacted.value(Option.getOrThrow(settings.appToken)),
            port: settings.port,
            customRoutes
          }
        : // HTTP mode: Bolt's receiver, guarded against signed but malformed bodies (see hardenedReceiver.ts).
          {
            receiver: hardenedHttpReceiver({
              signingSecret: Redacted.value(Option.getOrThrow(settings.signingSecret)),
              port: settings.port,
              customRoutes,
              logger,
              gate,
              firstDelivery: (key) => runPromise(firstDelivery(key))
            })
          }),
      authorize: async () => ({ botToken, ...(botId ? { botId } : {}), ...(botUserId ? { botUserId } : {}) }),
      processBeforeResponse: false,
      logger,
      logLevel: LogLevel.INFO,
      clientOptions: {
        slackApiUrl: settings.apiUrl,
        retryConfig: {
          retries: policy.retries,
          factor: policy.factor,
          minTimeout: policy.minTimeout,
          maxTimeout: policy.maxTimeout
        }
      }
    })

    registerListeners(app, settings.command, {
      slashCommand: (invocation) => inTurn(handleSlashCommand(invocation)),
      button: (click) => inTurn(handleButton(click)),
      homeOpened: (opened) => inTurn(handleHomeOpened(opened)),
      // Slack waits 3 s for options: they never wait for a turn.
      options: (request) =>
        tracked(
          handleOptions(request).pipe(
            Effect.timeout("2500 millis"),
            Effect.orElseSucceed(() => [])
          )
        ),
      // The acknowledgement must leave within 3 s whatever happens; past 2.6 s the modal just closes.
      viewSubmission: (submission) =>
        tracked(
          handleViewSubmission(submission).pipe(
            Effect.timeout("2800 millis"),
            Effect.orElseSucceed(() => undefined)
          )
        )
    })
    app.error(async (error) => {
      Runtime.runFork(runtime)(Effect.logError("Bolt reported an error", error.message))
    })

    yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => app.start(settings.port),
        catch: (error) => new BoltStartFailed({ reason: String((error as Error)?.message ?? error) })
      }).pipe(
        Effect.tap(() =>
          Effect.logInfo(
            socketMode
              ? `Socket Mode connected; /healthz on port ${settings.port}`
              : `Listening on port ${settings.port} (POST /slack/events, GET /healthz)`
          )
        )
      ),
      () =>
        Effect.gen(function* () {
          yield* Effect.logInfo("Shutting down: no new work accepted, finishing what is in flight (10 s at most)")
          yield* Effect.promise(() => app.stop().catch(() => undefined))
          yield* background.drain("10 seconds")
        })
    )
  })
)

export class BoltStartFailed extends Data.TaggedError("BoltStartFailed")<{ readonly reason: string }> {
  override get message() {
    return `The Slack listener could not start: ${this.reason}`
  }
}
