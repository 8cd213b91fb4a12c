import { App, type CustomRoute, ErrorCode, LogLevel } from "@slack/bolt"
import { Cause, Data, Effect, Exit, Layer, Option, Redacted, Runtime } from "effect"
import { makeAuthorizeTeam } from "./authorizeTeam.js"
import { seedInstallation } from "./seedInstallation.js"
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
import { SlackRetryPolicy } from "./SlackWeb.js"

/**
 * Bolt as a scoped layer: started when the layer is built, stopped on shutdown, after which
 * in-flight work gets up to 10 seconds to finish before storage closes.
 */
export const BoltAppLive = Layer.scopedDiscard(
  Effect.gen(function* () {
    const settings = yield* SlackSettings
    const logging = yield* LoggingSettings
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

    // SLACK_BOT_TOKEN becomes its team's installation; every request and Web API call goes through the store.
    yield* seedInstallation
    const authorizeTeam = yield* makeAuthorizeTeam
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
      // Through the installation store, in HTTP and Socket Mode alike: an unknown team is refused.
      authorize: (source) => runPromise(authorizeTeam(source)),
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
      // A refused team was logged by authorizeTeam, once; Bolt has acknowledged the request without an answer.
      if (error.code === ErrorCode.AuthorizationError) return
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
