import { Effect, Layer } from "effect"
import { Background } from "./Background.js"
import { HttpClientLive } from "./HttpClientLive.js"
import { Accounts } from "./accounts/Accounts.js"
import { AccountsSettings } from "./accounts/AccountsSettings.js"
import { AppDirectory } from "./accounts/AppDirectory.js"
import { AuditRetention } from "./policies/AuditRetention.js"
import { PolicyGate } from "./policies/PolicyGate.js"
import { WorkspaceAdminsLive } from "./slack/WorkspaceAdminsLive.js"
import { ScalingoLive } from "./scalingo/ScalingoLive.js"
import { BoltAppLive } from "./slack/BoltApp.js"
import { ReplyInterpreterLive } from "./slack/ReplyInterpreter.js"
import { SlackWebLive } from "./slack/SlackWeb.js"
import { StorageLive } from "./storage/StorageLive.js"
import { ChangeUpkeepLive } from "./runtime/changes/upkeep.js"
import { CommandName } from "./runtime/interaction/Interaction.js"
import { SlackSettings } from "./slack/SlackSettings.js"
import { WatcherLive } from "./watching/Watcher.js"

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

const Policies = Layer.mergeAll(PolicyGate.layer, AuditRetention.layer).pipe(
  Layer.provide(WorkspaceAdminsLive),
  Layer.provide(Infrastructure)
)

const Commands = Layer.mergeAll(Accounts.layer, AppDirectory.layer, ReplyInterpreterLive, Policies).pipe(
  Layer.provide(AccountsSettings.loginAttempts),
  Layer.provideMerge(Infrastructure)
)

/** Watching apps (poll schedule, doorbell): started after storage and commands, stopped before them. */
const Watching = Layer.unwrapEffect(
  SlackSettings.pipe(Effect.map((slack) => WatcherLive.pipe(Layer.provide(Layer.succeed(CommandName, slack.command)))))
).pipe(Layer.provideMerge(Commands))

/** Pending changes' upkeep: expired questions edited when they expire, old changes pruned hourly. */
const Upkeep = ChangeUpkeepLive.pipe(Layer.provide(Commands))

export const BotLive = BoltAppLive.pipe(Layer.provide(Layer.merge(Watching, Upkeep)))
