import { expect } from "vitest"
import type { BotProcess } from "./botProcess.js"
import type { FakeSlackCall } from "./fakeSlack.js"
import { sendSlashCommand } from "./slackRequests.js"
import { readable, SIGNING_SECRET, type World } from "./world.js"

/** Helpers for the end-to-end tests of watching apps: what a channel was shown, and subscribing there. */

const SHOWN = new Set(["chat.postMessage", "chat.update"])

/** Every message the bot posted or edited in `channel` (thread replies included), oldest first. */
export const channelCalls = (world: World, channel: string): Array<FakeSlackCall> =>
  world.slack.calls.filter((c) => SHOWN.has(c.method) && c.params.channel === channel)

export const posted = (world: World, channel: string): Array<FakeSlackCall> =>
  channelCalls(world, channel).filter((c) => c.method === "chat.postMessage")

/** The first post or edit in `channel` whose text matches (one already made counts). */
export const shownIn = (world: World, channel: string, match: (text: string) => boolean, timeoutMs = 30_000) =>
  world.slack.waitFor(
    (r) =>
      r.kind === "call" &&
      SHOWN.has((r as FakeSlackCall).method) &&
      (r as FakeSlackCall).params.channel === channel &&
      match(readable((r as FakeSlackCall).params)),
    { timeoutMs }
  ) as Promise<FakeSlackCall>

/** `subscribe …` in `channel` as `userId`, through `bot`; resolves once the channel was told. */
export const subscribeIn = async (
  world: World,
  channel: string,
  words: string,
  userId: string,
  bot: BotProcess = world.bot
) => {
  const reply = await sendSlashCommand(bot.url, SIGNING_SECRET, {
    text: `subscribe ${words}`,
    userId,
    channelId: channel,
    responseUrl: world.slack.responseUrl()
  })
  expect(reply.status).toBe(200)
  return shownIn(world, channel, (t) => t.includes(`<@${userId}> subscribed this channel`))
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
