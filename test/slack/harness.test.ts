// Proves the Slack test harness against a real Bolt app: signed requests in, Web API calls and
// response_url POSTs out to the fake Slack, faults injected as configured, Socket Mode envelopes acked.
import type { AddressInfo } from "node:net"
import { App, isValidSlackRequest, LogLevel, type Logger, webApi } from "@slack/bolt"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { startFakeSlack, type FakeSlack, type FakeSlackCall } from "../support/fakeSlack.js"
import { slashCommandFields, triggerId } from "../support/slackPayloads.js"
import {
  nowSeconds,
  sendBlockAction,
  sendSlashCommand,
  sendViewSubmission,
  signedHeaders
} from "../support/slackRequests.js"

const SECRET = "harness-signing-secret"
const BOT_TOKEN = "xoxb-harness-token"

const quietLogger = (): Logger => ({
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {}
})

/** What the listeners saw and what their postMessage calls produced. */
const seen = {
  commands: [] as Array<string>,
  views: [] as Array<Record<string, unknown>>,
  postOutcomes: [] as Array<unknown>
}

const describeError = (error: unknown) =>
  error instanceof webApi.WebAPIPlatformError
    ? { kind: "platform", error: error.data.error }
    : error instanceof webApi.WebAPIRateLimitedError
      ? { kind: "rate_limited", retryAfter: error.retryAfter }
      : error instanceof webApi.WebAPIHTTPError
        ? { kind: "http", statusCode: error.statusCode }
        : { kind: "other", message: String(error) }

const scaleModal = (channel: string) => ({
  type: "modal" as const,
  callback_id: "scale_modal",
  private_metadata: JSON.stringify({ channel, app: "my-app" }),
  title: { type: "plain_text" as const, text: "Scale my-app" },
  submit: { type: "plain_text" as const, text: "Scale" },
  blocks: [
    {
      type: "input",
      block_id: "containers_block",
      label: { type: "plain_text", text: "Containers" },
      element: { type: "plain_text_input", action_id: "containers_input" }
    },
    {
      type: "input",
      block_id: "size_block",
      label: { type: "plain_text", text: "Size" },
      element: {
        type: "static_select",
        action_id: "size_select",
        options: ["S", "M"].map((size) => ({ text: { type: "plain_text", text: size }, value: size }))
      }
    }
  ]
})

const registerListeners = (app: App) => {
  app.command("/scalingo", async ({ ack, command, client, respond }) => {
    await ack({ response_type: "ephemeral", text: `working on ${command.text}` })
    seen.commands.push(command.text)
    if (command.text === "modal") {
      await client.views.open({ trigger_id: command.trigger_id, view: scaleModal(command.channel_id) })
      return
    }
    const outcome = await client.chat
      .postMessage({
        channel: command.channel_id,
        text: `posted ${command.text}`,
        blocks: [{ type: "section", text: { type: "mrkdwn", text: `*${command.text}*` } }]
      })
      .then((res) => ({ kind: "ok", ts: res.ts }), describeError)
    seen.postOutcomes.push(outcome)
    await respond({ response_type: "ephemeral", text: `done ${command.text}` })
  })
  app.view("scale_modal", async ({ ack, view }) => {
    seen.views.push(view as unknown as Record<string, unknown>)
    await ack({ response_action: "errors", errors: { containers_block: "checked" } })
  })
  app.action("next_page", async ({ ack, respond, action }) => {
    await ack()
    await respond({ replace_original: true, text: `page ${(action as { value?: string }).value}` })
  })
}

describe("the Slack harness against a real Bolt app over HTTP", () => {
  let fake: FakeSlack
  let app: App
  let base: string

  beforeAll(async () => {
    fake = await startFakeSlack()
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SECRET,
      botId: "B0001",
      botUserId: "U0BOT",
      processBeforeResponse: false,
      logger: quietLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }
    })
    registerListeners(app)
    const server = await app.start(0)
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app?.stop()
    await fake?.close()
  })
  beforeEach(() => {
    fake.reset()
    seen.commands.length = 0
    seen.views.length = 0
    seen.postOutcomes.length = 0
  })

  const commandThenReply = async (text: string) => {
    const responseUrl = fake.responseUrl()
    const reply = await sendSlashCommand(base, SECRET, { text, responseUrl })
    await fake.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop())
    return reply
  }

  it(
    "a correctly signed slash command is acked, posts a message with parsed blocks and replies " + "on response_url",
    async () => {
      const responseUrl = fake.responseUrl()
      const reply = await sendSlashCommand(base, SECRET, { text: "status", responseUrl })
      expect(reply.status).toBe(200)
      expect(reply.body).toEqual({ response_type: "ephemeral", text: "working on status" })
      const post = await fake.waitForCall("chat.postMessage")
      expect(post.token).toBe(BOT_TOKEN)
      expect(post.params).toMatchObject({ channel: "C0001", text: "posted status", team_id: "T0001" })
      expect(post.params.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: "*status*" } }])
      const response = await fake.waitFor((r) => r.kind === "response")
      expect(response).toMatchObject({
        id: responseUrl.split("/").pop(),
        body: { response_type: "ephemeral", text: "done status" }
      })
      expect(seen.postOutcomes).toEqual([{ kind: "ok", ts: expect.stringMatching(/^\d{10}\.\d{6}$/) }])
    }
  )

  it("the signing helper agrees with Bolt's own verifier", () => {
    const body = "text=hello",
      timestamp = nowSeconds(),
      headers = signedHeaders(body, SECRET, timestamp)
    expect(headers["content-type"]).toBe("application/x-www-form-urlencoded")
    const verify = (secret: string) =>
      isValidSlackRequest({
        signingSecret: secret,
        body,
        headers: { "x-slack-signature": headers["x-slack-signature"]!, "x-slack-request-timestamp": timestamp }
      })
    expect(verify(SECRET)).toBe(true)
    expect(verify("another-secret")).toBe(false)
  })

  it("a forged signature gets 401 with an empty body and reaches no listener", async () => {
    const forged = await sendSlashCommand(base, SECRET, { text: "forged", signature: `v0=${"0".repeat(64)}` })
    const wrongSecret = await sendSlashCommand(base, "not-the-secret", { text: "forged" })
    expect([forged.status, forged.text, wrongSecret.status]).toEqual([401, "", 401])
    await commandThenReply("after")
    expect(seen.commands).toEqual(["after"])
    expect(fake.calls.map((c) => c.params.text)).toEqual(["posted after"])
  })

  it("a timestamp older than 5 minutes gets 401 and reaches no listener", async () => {
    const stale = await sendSlashCommand(base, SECRET, { text: "stale", timestamp: nowSeconds() - 6 * 60 })
    expect(stale.status).toBe(401)
    await commandThenReply("fresh")
    expect(seen.commands).toEqual(["fresh"])
  })

  it(
    "a view_submission built from a view opened through the fake reaches the view listener " + "with its state",
    async () => {
      const trigger = triggerId()
      await sendSlashCommand(base, SECRET, { text: "modal", triggerId: trigger })
      const open = await fake.waitForCall("views.open")
      expect(open.params.trigger_id).toBe(trigger)
      const opened = [...fake.views.values()].find((view) => view.callback_id === "scale_modal")!
      expect(opened).toMatchObject({
        id: expect.stringMatching(/^V/),
        callback_id: "scale_modal",
        hash: expect.any(String)
      })
      const reply = await sendViewSubmission(base, SECRET, {
        view: opened,
        values: {
          containers_block: { containers_input: { type: "plain_text_input", value: "3" } },
          size_block: { size_select: { type: "static_select", selected_option: { value: "M" } } }
        }
      })
      expect(reply.status).toBe(200)
      expect(reply.body).toEqual({ response_action: "errors", errors: { containers_block: "checked" } })
      expect(seen.views).toHaveLength(1)
      expect(seen.views[0]).toMatchObject({
        id: opened.id,
        callback_id: "scale_modal",
        private_metadata: JSON.stringify({ channel: "C0001", app: "my-app" }),
        state: {
          values: {
            containers_block: { containers_input: { type: "plain_text_input", value: "3" } },
            size_block: {
              size_select: {
                type: "static_select",
                selected_option: { text: { type: "plain_text", text: "M" }, value: "M" }
              }
            }
          }
        }
      })
    }
  )

  it("a block action is acked and its respond() lands on the fake response_url", async () => {
    const responseUrl = fake.responseUrl()
    const reply = await sendBlockAction(base, SECRET, { actionId: "next_page", value: "2", responseUrl })
    expect(reply.status).toBe(200)
    const response = await fake.waitFor((r) => r.kind === "response")
    expect(response.body).toEqual({ replace_original: true, text: "page 2" })
  })

  it("injected faults make postMessage fail with ok:false, 429 Retry-After and 500, then recover", async () => {
    fake.fail("chat.postMessage", { error: "channel_not_found", times: 1 })
    await commandThenReply("first")
    await commandThenReply("second")
    fake.fail("chat.postMessage", { status: 429, retryAfterSeconds: 7 })
    await commandThenReply("limited")
    fake.fail("chat.postMessage", { status: 500 })
    await commandThenReply("broken")
    fake.clearFaults()
    await commandThenReply("healed")
    expect(seen.postOutcomes).toEqual([
      { kind: "platform", error: "channel_not_found" },
      { kind: "ok", ts: expect.any(String) },
      { kind: "rate_limited", retryAfter: 7 },
      { kind: "http", statusCode: 500 },
      { kind: "ok", ts: expect.any(String) }
    ])
    expect(fake.calls.filter((c: FakeSlackCall) => c.method === "chat.postMessage")).toHaveLength(5)
  })
})

describe("the Slack harness over Socket Mode", () => {
  it("an envelope reaches the command listener and the app's ack comes back", async () => {
    const fake = await startFakeSlack()
    const app = new App({
      socketMode: true,
      appToken: "xapp-harness-token",
      token: BOT_TOKEN,
      botId: "B0001",
      botUserId: "U0BOT",
      logger: quietLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }
    })
    app.command("/scalingo", async ({ ack, command }) => {
      await ack({ response_type: "ephemeral", text: `pong ${command.text}` })
    })
    try {
      await app.start()
      const connect = await fake.waitForCall("apps.connections.open")
      expect(connect.token).toBe("xapp-harness-token")
      const ack = await fake.sendEnvelope("slash_commands", slashCommandFields({ text: "ping" }))
      expect(ack).toEqual({
        envelope_id: expect.any(String),
        payload: { response_type: "ephemeral", text: "pong ping" }
      })
    } finally {
      await app.stop()
      await fake.close()
    }
  })
})

describe("the fake Slack Web API on its own", () => {
  let fake: FakeSlack
  let client: InstanceType<typeof webApi.WebClient>
  beforeAll(async () => {
    fake = await startFakeSlack()
    client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      logger: quietLogger()
    })
  })
  afterAll(async () => {
    await fake?.close()
  })
  beforeEach(() => fake.reset())

  it("views.update replaces a kept view by id and answers not_found for an unknown one", async () => {
    const opened = await client.views.open({ trigger_id: triggerId(), view: scaleModal("C0001") })
    const id = opened.view!.id!
    const updated = await client.views.update({
      view_id: id,
      view: { ...scaleModal("C0001"), private_metadata: "page-2" }
    })
    expect(updated.view).toMatchObject({ id, private_metadata: "page-2" })
    expect(updated.view!.hash).not.toBe(opened.view!.hash)
    expect(fake.views.get(id)).toMatchObject({ private_metadata: "page-2" })
    const unknown = await client.views.update({ view_id: "V404", view: scaleModal("C0001") }).catch(describeError)
    expect(unknown).toEqual({ kind: "platform", error: "not_found" })
  })

  it("unknown methods answer unknown_method and postMessage timestamps are unique and increasing", async () => {
    expect(await client.apiCall("nothing.here").catch(describeError)).toEqual({
      kind: "platform",
      error: "unknown_method"
    })
    const first = await client.chat.postMessage({ channel: "C0001", text: "one" })
    const second = await client.chat.postMessage({ channel: "C0001", text: "two" })
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts))
    expect(first.message).toMatchObject({ ts: first.ts, text: "one" })
  })

  it("a delayed fault still answers normally, and waitFor names what was recorded when nothing matches", async () => {
    fake.fail("auth.test", { delayMs: 50, times: 1 })
    expect(await client.auth.test()).toMatchObject({ ok: true, team_id: "T0001", bot_id: "B0001" })
    const failure = await fake
      .waitForCall("chat.update", undefined, { timeoutMs: 50 })
      .catch((error: Error) => error.message)
    expect(failure).toMatch(/nothing matched within 50 ms[\s\S]*call auth\.test/)
    expect(failure).not.toContain(BOT_TOKEN)
  })
})
