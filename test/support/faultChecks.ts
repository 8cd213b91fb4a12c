import { expect } from "vitest"
import { expectNothingRaw } from "./blockKit.js"
import type { FakeSlackCall, FakeSlackRecord } from "./fakeSlack.js"
import { readable, type World } from "./world.js"

/**
 * Checks shared by the fault tests: what a person ends up reading, whether the bot survived, and
 * whether its log explains what went wrong.
 */

/**
 * Every string under a `text` key, at any depth: what a person reads in a message or a modal (labels, options and
 * hints included).
 */
export const textsIn = (value: unknown): string => {
  const parts: Array<string> = []
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === "string") {
      if (key === "text") parts.push(v)
    } else if (Array.isArray(v)) for (const item of v) walk(item, key)
    else if (typeof v === "object" && v !== null) for (const [k, inner] of Object.entries(v)) walk(inner, k)
  }
  walk(value)
  return parts.join("\n")
}

/** Everything the fake Slack received that a person could read: messages, modals and response_url bodies. */
export const everythingSlackReceived = (world: World): Array<{ readonly where: string; readonly text: string }> => [
  ...world.slack.calls.map((c) => ({ where: c.method, text: `${readable(c.params)}\n${textsIn(c.params.view)}` })),
  ...world.slack.responses.map((r) => ({ where: `response_url ${r.id}`, text: readable(r.body) }))
]

export const expectNothingRawReachedSlack = (world: World): void => {
  for (const { where, text } of everythingSlackReceived(world)) {
    try {
      expectNothingRaw(text)
    } catch (error) {
      throw new Error(`${where} received something raw: ${text.slice(0, 400)}`, { cause: error })
    }
  }
}

const UNHANDLED = /unhandled|uncaught/i

/** The process is still running, /healthz answers 200 and nothing was reported as unhandled. */
export const expectBotStillUp = async (world: World): Promise<void> => {
  expect(world.bot.child.exitCode).toBeNull()
  expect(world.bot.child.signalCode).toBeNull()
  const health = await fetch(`${world.bot.url}/healthz`)
  expect(health.status).toBe(200)
  expect(world.bot.output.filter((line) => UNHANDLED.test(line))).toEqual([])
}

/**
 * The bot's log as entries: a line starting with `[hh:mm:ss` opens one, indented lines (cause,
 * annotations) belong to it.
 */
export const logEntries = (output: ReadonlyArray<string>): Array<string> => {
  const entries: Array<string> = []
  for (const line of output) {
    if (entries.length === 0 || /^\[\d{2}:\d{2}/.test(line) || !/^\s/.test(line)) entries.push(line)
    else entries[entries.length - 1] += `\n${line}`
  }
  return entries
}

/** Log entries that mention every one of `needles`. */
export const logEntriesWith = (world: World, ...needles: ReadonlyArray<string>): Array<string> =>
  logEntries(world.bot.output).filter((entry) => needles.every((needle) => entry.includes(needle)))

/** The reference id an apology shows ("Reference `abcd1234`"), if the text is one. */
export const referenceIn = (text: string): string | undefined => /Reference `([0-9a-f]{6,})`/.exec(text)?.[1]

export interface Asker {
  readonly userId: string
  readonly channelId: string
}

const responseId = (responseUrl: string) => responseUrl.split("/").pop()!

/** Sends a slash command and resolves with what the person privately reads on its response_url. */
export const privateReply = async (world: World, text: string, who: Asker, timeoutMs = 45_000): Promise<string> => {
  const responseUrl = world.slack.responseUrl()
  const ack = await world.command(text, { userId: who.userId, channelId: who.channelId, responseUrl })
  expect(ack.status).toBe(200)
  const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseId(responseUrl), {
    timeoutMs
  })
  return readable((reply as { body: unknown }).body)
}

/**
 * Waits for whichever comes first after `mark` (an index into the recorded calls): a private answer
 * on `responseUrl`, or a threaded message in the person's channel. Resolves with what was read.
 */
export const privateOrThreaded = async (
  world: World,
  who: Asker,
  responseUrl: string,
  mark: number,
  timeoutMs = 45_000
) => {
  const record: FakeSlackRecord = await world.slack.waitFor(
    (r) =>
      (r.kind === "response" && r.id === responseId(responseUrl)) ||
      (r.kind === "call" &&
        r.method === "chat.postMessage" &&
        r.params.channel === who.channelId &&
        r.params.thread_ts !== undefined &&
        world.slack.calls.indexOf(r) >= mark),
    { timeoutMs }
  )
  return record.kind === "response"
    ? { where: "private" as const, text: readable(record.body), page: undefined }
    : { where: "thread" as const, text: readable(record.params), page: record as FakeSlackCall }
}

/** Whether a modal is the create-app form (it has the region picker). */
export const isCreateForm = (view: unknown): boolean =>
  ((view as { blocks?: Array<{ block_id?: string }> } | undefined)?.blocks ?? []).some((b) => b.block_id === "region")

/** Polls the fake Slack's kept views until one matches. */
export const viewWhere = async (
  world: World,
  predicate: (view: Record<string, unknown>) => boolean,
  timeoutMs = 30_000
) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = [...world.slack.views.values()].find(predicate)
    if (found !== undefined) return found
    if (Date.now() > deadline)
      throw new Error(`no matching view; calls: ${world.slack.calls.map((c) => c.method).join(", ")}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Waits until the bot's log has an entry after line `mark` that mentions every needle. */
export const loggedSince = async (
  world: World,
  mark: number,
  ...needles: ReadonlyArray<string>
): Promise<Array<string>> => {
  const deadline = Date.now() + 30_000
  for (;;) {
    const entries = logEntries(world.bot.output.slice(mark)).filter((e) => needles.every((n) => e.includes(n)))
    if (entries.length > 0) return entries
    if (Date.now() > deadline)
      throw new Error(`no log entry with ${needles.join(" + ")}:\n${world.bot.output.slice(mark).join("\n")}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
