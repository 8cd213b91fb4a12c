import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { Effect, Redacted } from "effect"
import { Installations } from "../../src/storage/Installations.js"
import { openStorage } from "../storage/storageFixtures.js"
import { startSimulator } from "../../src/simulator/index.js"
import type { Simulator, SimulatorOptions } from "../../src/simulator/index.js"
import { baseEnv, startBot, type BotProcess } from "./botProcess.js"
import { startFakeSlack, type FakeSlack } from "./fakeSlack.js"
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from "./slackRequests.js"

export const SIGNING_SECRET = "test-signing-secret-0123456789"
export const BOT_TOKEN = "xoxb-test-000000000000-bot-token"

/**
 * A whole world on loopback for end-to-end tests: the Scalingo simulator, the fake Slack, and the
 * real bot process (as `npm start` composes it) wired to both.
 */
export interface World {
  readonly sim: Simulator
  readonly slack: FakeSlack
  readonly bot: BotProcess
  readonly dataDir: string
  readonly env: Record<string, string>
  command(text: string, options?: Parameters<typeof sendSlashCommand>[2]): ReturnType<typeof sendSlashCommand>
  click(options: Parameters<typeof sendBlockAction>[2]): ReturnType<typeof sendBlockAction>
  submit(options: Parameters<typeof sendViewSubmission>[2]): ReturnType<typeof sendViewSubmission>
  /** Starts another bot process on the same settings (a second replica, or a restart). */
  startAnother(extraEnv?: Record<string, string>): Promise<BotProcess>
  close(): Promise<void>
}

export interface WorldOptions {
  readonly simulator?: SimulatorOptions
  readonly env?: Record<string, string>
}

export const startWorld = async (options: WorldOptions = {}): Promise<World> => {
  const sim = await startSimulator(options.simulator)
  const slack = await startFakeSlack()
  const dataDir = mkdtempSync(path.join(tmpdir(), "scalingo-bot-"))
  const env: Record<string, string> = {
    ...baseEnv(),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SCALINGO_AUTH_URL: sim.authUrl,
    DATABASE_URL: path.join(dataDir, "bot.sqlite"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ...options.env
  }
  const others: Array<BotProcess> = []
  const bot = await startBot(env)
  return {
    sim,
    slack,
    bot,
    dataDir,
    env,
    command: (text, opts) =>
      sendSlashCommand(bot.url, SIGNING_SECRET, { responseUrl: slack.responseUrl(), ...opts, text }),
    click: (opts) => sendBlockAction(bot.url, SIGNING_SECRET, { responseUrl: slack.responseUrl(), ...opts }),
    submit: (opts) => sendViewSubmission(bot.url, SIGNING_SECRET, opts),
    startAnother: async (extraEnv = {}) => {
      const another = await startBot({ ...env, ...extraEnv })
      others.push(another)
      return another
    },
    close: async () => {
      await Promise.all([bot, ...others].map((b) => b.stop("SIGTERM")))
      await Promise.all([sim.close(), slack.close()])
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** The text a person reads in a message body (fallback text and every text in its blocks). */
export const readable = (body: unknown): string => {
  const parts: Array<string> = []
  const walk = (value: unknown): void => {
    if (typeof value === "string") parts.push(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === "object" && value !== null) {
      for (const [key, v] of Object.entries(value))
        if (key === "text" || key === "blocks" || key === "elements" || key === "fields" || key === "accessory") walk(v)
    }
  }
  walk(body)
  return parts.join("\n")
}

/** Sends a slash command and waits for the bot's private answer on that command's response_url. */
export const commandReply = async (
  world: World,
  text: string,
  options: Omit<NonNullable<Parameters<typeof sendSlashCommand>[2]>, "text"> = {}
) => {
  const responseUrl = world.slack.responseUrl()
  const id = responseUrl.split("/").pop()!
  const ack = await world.command(text, { responseUrl, ...options })
  const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === id, { timeoutMs: 20_000 })
  return { ack, body: (reply as { body: unknown }).body, text: readable((reply as { body: unknown }).body) }
}

/**
 * Runs `trigger` (usually a slash command) and returns the modal it made the bot open, as the fake Slack keeps it
 * (with its id).
 */
export const openedView = async (
  world: World,
  callbackId: string,
  trigger: () => Promise<unknown>,
  timeoutMs = 10_000
) => {
  const seen = new Set(world.slack.views.keys())
  await trigger()
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const fresh = [...world.slack.views.values()].find((v) => !seen.has(v.id) && v.callback_id === callbackId)
    if (fresh !== undefined) return fresh
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`no ${callbackId} modal was opened; calls: ${world.slack.calls.map((c) => c.method).join(", ")}`)
}

/** Links Slack users to simulator accounts through the real `login <token>` command. */
export const linkAccounts = async (world: World, links: Readonly<Record<string, string>>) => {
  for (const [userId, username] of Object.entries(links)) {
    const { text } = await commandReply(world, `login ${world.sim.accounts[username]!.apiToken}`, { userId })
    if (!text.includes(username)) throw new Error(`could not link ${userId} to ${username}: ${text}`)
  }
}

/**
 * Installs the bot in another workspace of the same world (as OAuth will): a row in the bot's own
 * installation store, its token sealed with the bot's key. The bot trusts a missing installation for
 * up to 30 s, so call this before that team's first request.
 */
export const installWorkspace = async (world: World, teamId: string): Promise<void> => {
  const databaseUrl = world.env.DATABASE_URL!
  const keys = world.env.TOKEN_ENCRYPTION_KEY!
  await Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const storage = yield* openStorage(databaseUrl, { keys })
        const installations = Effect.provide(Installations, storage)
        yield* Effect.flatMap(installations, (store) =>
          store.save({
            teamId,
            enterpriseId: null,
            botToken: Redacted.make(BOT_TOKEN),
            botUserId: "U0BOT",
            botId: "B0001"
          })
        )
      })
    )
  )
}
