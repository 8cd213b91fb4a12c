import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { Effect, Layer, ManagedRuntime, Option, Redacted } from "effect"
import { SlackSettings } from "../../src/slack/SlackSettings.js"
import { SlackRetryPolicy, type SlackRetryPolicyValues, type SlackWeb, SlackWebLive } from "../../src/slack/SlackWeb.js"
import { Installations } from "../../src/storage/Installations.js"
import { makeStorageLive } from "../../src/storage/StorageLive.js"
import { StorageSettings } from "../../src/storage/StorageSettings.js"
import { newKey, settingsFor } from "../storage/storageFixtures.js"

export interface SlackWebRuntime {
  readonly runtime: ManagedRuntime.ManagedRuntime<SlackWeb | Installations, unknown>
  close(): Promise<void>
}

/**
 * SlackWeb as the bot builds it, against a Slack at `apiUrl`: the team's bot token comes from the
 * installation store (real SQLite in a temporary folder), where `team` is installed with `token`.
 */
export const startSlackWebRuntime = async (options: {
  readonly apiUrl: string
  readonly token: string
  readonly team: string
  readonly policy: SlackRetryPolicyValues
}): Promise<SlackWebRuntime> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "slack-web-"))
  const settings = SlackSettings.make({
    botToken: Redacted.make(options.token),
    signingSecret: Option.none(),
    appToken: Option.none(),
    port: 0,
    apiUrl: options.apiUrl,
    command: "/scalingo"
  })
  const storage = makeStorageLive().pipe(
    Layer.provide(StorageSettings.make(settingsFor(path.join(dataDir, "bot.sqlite"), { keys: newKey() })))
  )
  const runtime = ManagedRuntime.make(
    SlackWebLive.pipe(
      Layer.provide(settings),
      Layer.provide(Layer.succeed(SlackRetryPolicy, options.policy)),
      Layer.provideMerge(storage)
    )
  )
  await runtime.runPromise(
    Effect.flatMap(Installations, (installations) =>
      installations.save({
        teamId: options.team,
        enterpriseId: null,
        botToken: Redacted.make(options.token),
        botUserId: "U0BOT",
        botId: "B0001"
      })
    )
  )
  return {
    runtime,
    close: async () => {
      await runtime.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
