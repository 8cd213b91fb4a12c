import { existsSync } from "node:fs"
// The subpath, not the package index: the index loads every Node adapter and costs ~0.3 s of start-up.
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Layer } from "effect"
import { BotLive } from "./app.js"
import { LoggingLive } from "./logging.js"
import { readEverySetting, settingsLayer } from "./settings.js"
import { TracingLive } from "./tracing/Tracing.js"

// The contract: a .env file in the working directory is read too (the environment wins).
if (existsSync(".env")) process.loadEnvFile(".env")

/** A start-up failure becomes one readable message on stderr and exit code 1, never a stack trace. */
const reportStartupFailure = (error: { readonly message: string }) =>
  Effect.zipRight(
    Effect.sync(() => process.stderr.write(`${error.message}\n`)),
    Effect.fail(error)
  )

const main = Effect.gen(function* () {
  const settings = yield* readEverySetting
  yield* Layer.launch(BotLive).pipe(
    Effect.provide(settingsLayer(settings)),
    // Outside the bot, so the spans of its shutdown are still flushed to the collector; inside the logger,
    // so the exporter's own complaints (collector unreachable) are logged like everything else.
    Effect.provide(TracingLive(settings.tracing)),
    Effect.provide(LoggingLive(settings.logging))
  )
}).pipe(
  Effect.catchAll(reportStartupFailure),
  Effect.catchAllDefect((defect) =>
    reportStartupFailure({
      message: `The bot could not start: ${defect instanceof Error ? defect.message : String(defect)}`
    })
  )
)

NodeRuntime.runMain(main, { disableErrorReporting: true, disablePrettyLogger: true })
