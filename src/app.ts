import { Layer } from "effect"
import { Background } from "./Background.js"
import { HttpClientLive } from "./HttpClientLive.js"
import { Accounts } from "./accounts/Accounts.js"
import { AccountsSettings } from "./accounts/AccountsSettings.js"
import { AppDirectory } from "./accounts/AppDirectory.js"
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
  ScalingoLive.pipe(Layer.provide(HttpClientLive)),
  SlackWebLive,
  Background.layer
)

const Commands = Layer.mergeAll(Accounts.layer, AppDirectory.layer, ReplyInterpreterLive).pipe(
  Layer.provide(AccountsSettings.loginAttempts),
  Layer.provideMerge(Infrastructure)
)

export const BotLive = BoltAppLive.pipe(Layer.provide(Commands))
