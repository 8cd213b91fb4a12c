import { HttpClientLive } from "../../src/HttpClientLive.js"
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { Duration, Effect, Layer, Logger, ManagedRuntime, Option, Redacted } from "effect"
import { Accounts } from "../../src/accounts/Accounts.js"
import { AppDirectory } from "../../src/accounts/AppDirectory.js"
import { defaultLoginLimits, type LoginLimits, LoginAttempts } from "../../src/accounts/LoginAttempts.js"
import { Background } from "../../src/Background.js"
import { FollowLimits } from "../../src/runtime/changes/progress.js"
import type { Message } from "../../src/blockKit/blocks.js"
import { actionName } from "../../src/blockKit/uniqueIds.js"
import type { ButtonClick, SlashInvocation, ViewSubmission } from "../../src/runtime/interaction/Interaction.js"
import type { ViewAck } from "../../src/runtime/replies/ModalAck.js"
import { type Origin, Replies } from "../../src/runtime/replies/Replies.js"
import { type Reply, ReplyFailed, type Shown } from "../../src/runtime/replies/Reply.js"
import {
  handleButton,
  handleOptions,
  handleSlashCommand,
  handleViewSubmission,
  type CommandServices,
  type SelectOption
} from "../../src/commands/router.js"
import { ScalingoClientOptions } from "../../src/scalingo/ScalingoClientOptions.js"
import { ScalingoLive } from "../../src/scalingo/ScalingoLive.js"
import { ScalingoSettings } from "../../src/scalingo/ScalingoSettings.js"
import { type Simulator, type SimulatorOptions, startSimulator } from "../../src/simulator/index.js"
import { StorageLive } from "../../src/storage/StorageLive.js"
import { PolicyGate } from "../../src/policies/PolicyGate.js"
import { defaultPolicySettings, PolicySettings, type PolicySettingsValues } from "../../src/policies/PolicySettings.js"
import { WorkspaceAdmins } from "../../src/policies/WorkspaceAdmins.js"
import { StorageSettings } from "../../src/storage/StorageSettings.js"
import { CrashAlertsLive } from "../../src/watching/crashAlerts.js"
import { SlackMembers } from "../../src/watching/SlackMembers.js"
import { Watcher, WatcherLive, WatchTimings } from "../../src/watching/Watcher.js"
import { type Refusal, slackRefusal } from "./fakeSlack/blockKitRules.js"
import { WatchSettings, type WatchSettingsValues } from "../../src/watching/WatchSettings.js"

/**
 * Commands in-process: the real command code, the real Scalingo client against the simulator over
 * loopback, real SQLite, and a recording reply interpreter in place of Slack. Fast enough that each
 * command's behaviour is a unit test; the end-to-end suites keep the real Slack boundary.
 */

export interface Recorded {
  readonly origin: Origin
  readonly reply: Reply
}

export interface KitOptions {
  readonly simulator?: SimulatorOptions
  readonly loginLimits?: Partial<LoginLimits>
  /** How often and how long operations are followed (shortened to test the 10-minute bound). */
  readonly followLimits?: { readonly every: Duration.DurationInput; readonly within: Duration.DurationInput }
  /** Watching apps: PUBLIC_URL and the poll interval (an hour by default, so tests poll with `pollOnce`). */
  readonly watch?: Partial<WatchSettingsValues>
  /** The Scalingo budget the bot keeps to (1,000 a minute by default). */
  readonly requestsPerMinute?: number
  /** BOT_ADMINS, DEFAULT_CHANNEL_POLICY, AUDIT_RETENTION_DAYS. */
  readonly policies?: Partial<PolicySettingsValues>
  /** Who Slack says is a workspace admin or owner (`team/user`), in place of users.info. */
  readonly workspaceAdmins?: ReadonlyArray<string>
}

export interface CommandKit {
  readonly sim: Simulator
  /** Every reply shown so far, in order. */
  readonly replies: Array<Recorded>
  /** Log lines (message and annotations) the commands wrote. */
  readonly logs: Array<{ message: string; annotations: Record<string, unknown> }>
  /** Slack now says this person was deactivated (users.info deleted=true). */
  deactivate(userId: string): void
  /** Makes showing a Post in `channel` fail as Slack would (e.g. `not_in_channel`). */
  refusePosts(channel: string, code: string): void
  slash(text: string, options?: { userId?: string; channelId?: string; teamId?: string }): Promise<Array<Recorded>>
  click(actionId: string, value: string, options?: Partial<ButtonClick>): Promise<Array<Recorded>>
  submit(callbackId: string, options: Partial<ViewSubmission>): Promise<{ ack: ViewAck; replies: Array<Recorded> }>
  /** The app picker's options for what the person typed. */
  options(typed: string, options?: { userId?: string }): Promise<ReadonlyArray<SelectOption>>
  /** Waits for background work (late modal outcomes, announcements) to finish. */
  settle(): Promise<void>
  link(userId: string, username: string): Promise<void>
  /** One poll cycle of the watcher (as the replica holding the poller lease runs it). */
  pollOnce(): Promise<void>
  /** A webhook call with this URL secret: true when it is a subscription's. */
  ring(secret: string): Promise<boolean>
  /** Runs an effect with the kit's services (storage, the policy gate, …). */
  run<A, E>(effect: Effect.Effect<A, E, CommandServices>): Promise<A>
  close(): Promise<void>
}

/** A Slack person of the kit's workspace (or another). */
export const person = (userId = "U-ALICE", teamId = "T0001") => ({ teamId, userId, userName: userId.toLowerCase() })

/** The text a person reads in a message (fallback and every text in its blocks). */
export const textOf = (message: Message): string => {
  const parts: Array<string> = [message.text]
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === "string") {
      if (key === "text") parts.push(value)
    } else if (Array.isArray(value)) for (const item of value) walk(item, key)
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k)
  }
  walk(message.blocks)
  return parts.join("\n")
}

/** The message a reply carries, when it carries one. */
export const messageOf = (reply: Reply): Message | undefined => ("message" in reply ? reply.message : undefined)

/** The value of a message's button (or menu) with this action name (its id without a uniqueness suffix). */
export const buttonValue = (message: Message, name: string) =>
  message.blocks
    .flatMap((b) => (b.type === "actions" ? (b.elements as Array<{ action_id?: string; value?: string }>) : []))
    .find((e) => actionName(e.action_id ?? "") === name)?.value

/** Every reply's text (or its tag, for replies without a message), one per line. */
export const joinedTexts = (replies: ReadonlyArray<Recorded>) =>
  replies.map((r) => (messageOf(r.reply) ? textOf(messageOf(r.reply)!) : r.reply._tag)).join("\n")

/** What Slack would answer the Web API call that shows this reply, when it would refuse it. */
const replyRefusal = (reply: Reply): Refusal | undefined => {
  if ("message" in reply) return slackRefusal("message", reply.message)
  if ("view" in reply) return slackRefusal("view", reply.view)
  if (reply._tag === "File" && reply.comment !== undefined && reply.comment.length > 40_000)
    return { error: "msg_too_long", message: "initial_comment over 40000 characters" }
  return undefined
}

export const startCommandKit = async (options: KitOptions = {}): Promise<CommandKit> => {
  const sim = await startSimulator({ requestsPerMinute: 1_000, ...options.simulator })
  const dataDir = mkdtempSync(path.join(tmpdir(), "scalingo-commands-"))
  const replies: Array<Recorded> = []
  const logs: CommandKit["logs"] = []
  const refused = new Map<string, string>()
  let serial = 0

  // What Slack would refuse fails as Slack fails it, and fails the test that caused it (`expectTaken`).
  const refusals: Array<string> = []
  const expectTaken = <A>(result: A): A => {
    const found = refusals.splice(0)
    if (found.length > 0) throw new Error(`Slack would refuse what the bot sent:\n${found.join("\n")}`)
    return result
  }
  const recording = Layer.succeed(Replies, {
    show: (origin: Origin, reply: Reply): Effect.Effect<Shown, ReplyFailed> => {
      const broken = replyRefusal(reply)
      if (broken !== undefined) {
        refusals.push(`${reply._tag}: ${broken.error}: ${broken.message}`)
        return Effect.fail(new ReplyFailed({ method: reply._tag, code: broken.error }))
      }
      if (reply._tag === "Post") {
        const channel = reply.channel ?? origin.channelId ?? ""
        const code = refused.get(channel)
        if (code !== undefined) {
          if (reply.orPrivately === undefined) return Effect.fail(new ReplyFailed({ method: "chat.postMessage", code }))
          replies.push({ origin, reply: { _tag: "Private", message: reply.orPrivately(code) } as Reply })
          return Effect.succeed({ privately: true })
        }
      }
      if (reply._tag !== "Nothing") replies.push({ origin, reply })
      serial += 1
      if (reply._tag === "Post")
        return Effect.succeed({ channel: reply.channel ?? origin.channelId, ts: `1700000000.${serial}` })
      if (reply._tag === "OpenModal") return Effect.succeed({ viewId: `V${serial}` })
      if (reply._tag === "DirectMessage")
        return Effect.succeed({ channel: `D-${origin.person.userId}`, ts: `1700000000.${serial}` })
      return Effect.succeed({})
    }
  })
  const capture = Logger.make(({ message, annotations }) => {
    const text = Array.isArray(message) ? message.map(String).join(" ") : String(message)
    logs.push({ message: text, annotations: Object.fromEntries(annotations) })
  })
  const settings = Layer.mergeAll(
    ScalingoSettings.make({
      authUrl: sim.authUrl,
      requestsPerMinute: options.requestsPerMinute ?? 1_000,
      redisUrl: Option.none()
    }),
    StorageSettings.make({
      databaseUrl: path.join(dataDir, "bot.sqlite"),
      tokenEncryptionKey: Option.some(Redacted.make(randomBytes(32).toString("base64"))),
      production: false
    }),
    ScalingoClientOptions.layer({ requestTimeout: "2 seconds", retryBaseDelay: "20 millis", retryWithin: "4 seconds" })
  )
  const follow = options.followLimits === undefined ? Layer.empty : Layer.succeed(FollowLimits, options.followLimits)
  const timings = Layer.succeed(WatchTimings, {
    pollerLease: Duration.seconds(15),
    groupLease: Duration.seconds(15),
    doorbellGap: Duration.millis(200)
  })
  // The Slack side of admin checks (users.info) as a port, like the recording interpreter; e2e tests ask
  // the fake Slack through the real one.
  const admins = new Set(options.workspaceAdmins ?? [])
  const deactivated = new Set<string>()
  const members = Layer.succeed(SlackMembers, {
    isDeactivated: (_teamId: string, userId: string) => Effect.succeed(deactivated.has(userId))
  })
  const workspaceAdmins = Layer.succeed(WorkspaceAdmins, {
    isAdmin: (teamId: string, userId: string) => Effect.succeed(admins.has(`${teamId}/${userId}`))
  })
  const gate = PolicyGate.layer.pipe(
    Layer.provide(workspaceAdmins),
    Layer.provide(PolicySettings.make({ ...defaultPolicySettings, ...options.policies }))
  )
  const commands = Layer.mergeAll(Accounts.layer, AppDirectory.layer, recording, Background.layer, follow, gate)
  const watching = Layer.merge(WatcherLive, CrashAlertsLive).pipe(Layer.provide(members))
  const layer = watching
    .pipe(Layer.provide(timings), Layer.provideMerge(commands))
    .pipe(
      Layer.provide(LoginAttempts.layerWith({ ...defaultLoginLimits, ...options.loginLimits })),
      Layer.provideMerge(Layer.mergeAll(StorageLive, ScalingoLive.pipe(Layer.provide(HttpClientLive)))),
      Layer.provide(settings),
      Layer.provideMerge(WatchSettings.make({ publicUrl: Option.none(), pollSeconds: 3_600, ...options.watch })),
      Layer.provide(Logger.replace(Logger.defaultLogger, capture))
    )
  const runtime = ManagedRuntime.make(layer)
  const since = (mark: number) => replies.slice(mark)
  const common = (userId?: string, teamId?: string) => ({
    person: person(userId, teamId),
    command: "/scalingo",
    receivedAt: Date.now()
  })

  const kit: CommandKit = {
    sim,
    replies,
    logs,
    refusePosts: (channel, code) => void refused.set(channel, code),
    deactivate: (userId) => void deactivated.add(userId),
    slash: async (text, opts = {}) => {
      const mark = replies.length
      const invocation: SlashInvocation = {
        ...common(opts.userId, opts.teamId),
        channelId: opts.channelId ?? "C0001",
        text,
        triggerId: "trigger-1",
        responseUrl: "https://hooks.slack.com/commands/T0001/1/r"
      }
      await runtime.runPromise(handleSlashCommand(invocation))
      return expectTaken(since(mark))
    },
    click: async (actionId, value, opts = {}) => {
      const mark = replies.length
      const click: ButtonClick = {
        ...common(opts.person?.userId, opts.person?.teamId),
        actionId,
        blockId: "actions",
        value,
        channelId: "C0001",
        threadTs: undefined,
        responseUrl: "https://hooks.slack.com/actions/T0001/1/r",
        triggerId: "trigger-2",
        message: undefined,
        viewId: undefined,
        ...opts
      }
      await runtime.runPromise(handleButton(click))
      return expectTaken(since(mark))
    },
    submit: async (callbackId, opts) => {
      const mark = replies.length
      const submission: ViewSubmission = {
        ...common(opts.person?.userId),
        viewId: "V-SUBMITTED",
        callbackId,
        privateMetadata: "",
        values: {},
        ...opts
      }
      const ack = await runtime.runPromise(handleViewSubmission(submission))
      const refused = slackRefusal("view_submission_ack", ack ?? {})
      if (refused !== undefined) refusals.push(`view submission ack: ${refused.error}: ${refused.message}`)
      return expectTaken({ ack, replies: since(mark) })
    },
    options: async (typed, opts = {}) => {
      const options = await runtime.runPromise(
        handleOptions({ ...common(opts.userId), actionId: "app_picker", blockId: "picker", value: typed })
      )
      const refused = slackRefusal("options", { options })
      if (refused !== undefined) refusals.push(`options: ${refused.error}: ${refused.message}`)
      return expectTaken(options)
    },
    settle: () => runtime.runPromise(Effect.flatMap(Background, (b) => b.drain("10 seconds"))).then(expectTaken),
    link: async (userId, username) => {
      const token = sim.accounts[username]?.apiToken
      if (token === undefined) throw new Error(`no simulator account ${username}`)
      await kit.slash(`login ${token}`, { userId })
    },
    run: (effect) => runtime.runPromise(effect),
    pollOnce: () => runtime.runPromise(Effect.flatMap(Watcher, (w) => w.pollOnce)).then(expectTaken),
    ring: (secret) => runtime.runPromise(Effect.flatMap(Watcher, (w) => w.ring(secret))),
    close: async () => {
      await runtime.dispose()
      await sim.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return kit
}
