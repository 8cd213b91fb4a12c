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
import { SlackMembersLive } from "./slack/SlackMembersLive.js"
import { SlackSettings } from "./slack/SlackSettings.js"
import { CrashAlertsLive } from "./watching/crashAlerts.js"
import { WatcherLive } from "./watching/Watcher.js"

/**
 * The composition root: every feature's layer, wired once. Requires only the settings (and a
 * logger); `main.ts` provides both. Shutdown releases in reverse: Bolt stops and drains first,
 * storage closes last.
 */
const Infrastructure = Layer.mergeAll(
  ScalingoLive.pipe(Layer.provide(HttpClientLive)),
  // Every Web API call reads its team's bot token from the installation store.
  SlackWebLive,
  Background.layer
).pipe(Layer.provideMerge(StorageLive))

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
  SlackSettings.pipe(
    Effect.map((slack) =>
      Layer.merge(WatcherLive, CrashAlertsLive).pipe(
        Layer.provide(Layer.succeed(CommandName, slack.command)),
        Layer.provide(SlackMembersLive)
      )
    )
  )
).pipe(Layer.provideMerge(Commands))

/** Pending changes' upkeep: expired questions edited when they expire, old changes pruned hourly. */
const Upkeep = ChangeUpkeepLive.pipe(Layer.provide(Commands))

export const BotLive = BoltAppLive.pipe(Layer.provide(Layer.merge(Watching, Upkeep)))
