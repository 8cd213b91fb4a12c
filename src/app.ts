import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { Layer } from "effect"
import { Background } from "./Background.js"
import { Accounts } from "./accounts/Accounts.js"
import { AccountsSettings } from "./accounts/AccountsSettings.js"
import { ScalingoLive } from "./scalingo/ScalingoLive.js"
import { BoltAppLive } from "./slack/BoltApp.js"
import { ReplyInterpreterLive } from "./slack/ReplyInterpreter.js"
import { SlackWebLive } from "./slack/SlackWeb.js"
import { StorageLive } from "./storage/StorageLive.js"

/**
 * The composition root: every feature's layer, wired once. Requires only the settings (and a
 * logger); `main.ts` provides both. Shutdown releases in reverse: Bolt stops and drains first,
 * storage closes last.
 */
const Infrastructure = Layer.mergeAll(
  StorageLive,
  ScalingoLive.pipe(Layer.provide(FetchHttpClient.layer)),
  SlackWebLive,
  Background.layer
)

const Commands = Layer.mergeAll(Accounts.layer, ReplyInterpreterLive).pipe(
  Layer.provide(AccountsSettings.loginAttempts),
  Layer.provideMerge(Infrastructure)
)

export const BotLive = BoltAppLive.pipe(Layer.provide(Commands))
