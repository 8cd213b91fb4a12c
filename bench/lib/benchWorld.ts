// Everything a figure needs on loopback: the Scalingo simulator and the fake Slack (in this
// process), the load worker, and helpers to start the bot (`node dist/main.js`, as `npm start`
// runs it after building) and the bare Bolt baseline against them.
import { randomBytes } from "node:crypto"
import path from "node:path"
import { startSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator/index.js"
import { baseEnv, freePort } from "../../test/support/botProcess.js"
import { startFakeSlack, type FakeSlack, type FakeSlackRecord } from "../../test/support/fakeSlack.js"
import { sendSlashCommand, type SlackReply } from "../../test/support/slackRequests.js"
import { bareScript, botScript } from "./build.js"
import { startNode, tempDir, type Child } from "./children.js"
import { startLoadClient, type LoadClient } from "./loadClient.js"

export const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef"
export const BOT_TOKEN = "xoxb-bench-000000000000-bot-token"

export interface BenchWorld {
  readonly sim: Simulator
  readonly slack: FakeSlack
  readonly load: LoadClient
  /** A fresh bot process with its own empty SQLite database; `nodeArgs` go before the script (e.g. --inspect). */
  startBot(nodeArgs?: ReadonlyArray<string>, env?: (port: number) => Record<string, string>): Promise<Child>
  startBare(nodeArgs?: ReadonlyArray<string>): Promise<Child>
  /** One slash command from the main thread (sequential figures); resolves with the acknowledgement. */
  command(target: Child, text: string, userId: string, responseUrl?: string, channelId?: string): Promise<SlackReply>
  /** Links a Slack user to a Scalingo account with `login <token>` and waits for the confirmation. */
  link(bot: Child, userId: string, apiToken: string): Promise<void>
  /** Resolves when `done()` holds, polling; fails after timeoutMs saying what was awaited. */
  until(what: string, done: () => boolean, timeoutMs?: number): Promise<void>
  /** Resolves with the first Slack record matching, recorded from now on or already there. */
  record(predicate: (record: FakeSlackRecord) => boolean, timeoutMs?: number): Promise<FakeSlackRecord>
  close(): Promise<void>
}

export const startBenchWorld = async (simulator: SimulatorOptions = {}): Promise<BenchWorld> => {
  const sim = await startSimulator(simulator)
  const slack = await startFakeSlack()
  const load = await startLoadClient()

  const botEnv = (): Record<string, string> => ({
    ...baseEnv(),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SCALINGO_AUTH_URL: sim.authUrl,
    DATABASE_URL: path.join(tempDir("scalingo-bench-data-"), "bot.sqlite"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // The bench links hundreds of people of one workspace within seconds.
    LOGIN_LIMIT_PER_WORKSPACE: "100000"
  })

  const until = async (what: string, done: () => boolean, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  const record = (predicate: (record: FakeSlackRecord) => boolean, timeoutMs = 30_000) =>
    slack.waitFor(predicate, { timeoutMs })

  const command = (
    target: Child,
    text: string,
    userId: string,
    responseUrl = slack.responseUrl(),
    channelId?: string
  ) => sendSlashCommand(target.url, SIGNING_SECRET, { text, userId, responseUrl, ...(channelId ? { channelId } : {}) })

  return {
    sim,
    slack,
    load,
    until,
    record,
    command,
    startBot: async (nodeArgs = [], env = () => ({})) => {
      const port = await freePort()
      return startNode("bot", botScript, port, { ...botEnv(), ...env(port) }, nodeArgs)
    },
    startBare: async (nodeArgs = []) =>
      startNode(
        "bare Bolt",
        bareScript,
        await freePort(),
        {
          ...baseEnv(),
          NODE_ENV: "production",
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_API_URL: slack.apiUrl
        },
        nodeArgs
      ),
    link: async (bot, userId, apiToken) => {
      const responseUrl = slack.responseUrl()
      const id = responseUrl.split("/").pop()
      const ack = await command(bot, `login ${apiToken}`, userId, responseUrl)
      if (ack.status !== 200) throw new Error(`login was answered ${ack.status}`)
      const reply = await record((r) => r.kind === "response" && r.id === id)
      if (!JSON.stringify(reply).includes("Linked to Scalingo account"))
        throw new Error(`login did not link ${userId}: ${JSON.stringify(reply).slice(0, 300)}`)
    },
    close: async () => {
      await load.close()
      await Promise.all([sim.close(), slack.close()])
    }
  }
}

/**
 * An account of its own with one app, linked, its bearer and regions cached by one `events` read,
 * then left 7 s so its request budget is full again when the figure starts.
 */
export const warmedAccount = async (
  world: BenchWorld,
  bot: Child,
  who: { username: string; userId: string; app: string }
) => {
  const account = world.sim.createAccount({ username: who.username, regions: ["osc-fr1"] })
  world.sim.addApp(who.username, "osc-fr1", { name: who.app })
  world.sim.addAppEvents(who.username, "osc-fr1", who.app, 5)
  await world.link(bot, who.userId, account.apiToken)
  world.slack.reset()
  await world.command(bot, `events ${who.app}`, who.userId)
  await world.record((r) => r.kind === "call" && r.method === "chat.postMessage" && r.params.thread_ts !== undefined)
  await new Promise((resolve) => setTimeout(resolve, 7_000))
  world.slack.reset()
  return account
}
