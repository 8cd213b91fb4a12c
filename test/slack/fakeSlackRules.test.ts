// Issue 16, defect 0: the fake Slack refuses whatever Slack refuses (docs/slack-platform.md §5), with
// Slack's own error, on every route the bot's output takes: Web API calls, response_url posts, and the
// acknowledgements of slash commands, view submissions and selects (over HTTP and Socket Mode).
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import WebSocket from "ws"
import { type FakeSlack, slackRefusal, startFakeSlack } from "../support/fakeSlack.js"
import { slashCommandFields } from "../support/slackPayloads.js"
import { sendSlashCommand, sendViewSubmission } from "../support/slackRequests.js"
import { actions, button, modal, msg, RULES } from "./fakeSlackRules.js"

const duplicated = msg(actions(button("run_command"), button("run_command")))
const unique = msg(actions(button("run_command"), button("run_command#1")))

describe("Block Kit's rules, one pure function (blockKitRules.ts)", () => {
  it.each(RULES)("$rule: refused with $error, a near miss is taken", ({ kind, breaks, nearMiss, error }) => {
    expect(slackRefusal(kind, breaks)?.error).toBe(error)
    expect(slackRefusal(kind, nearMiss)).toBeUndefined()
  })

  it("says where and why, as Slack's response_metadata does", () => {
    expect(slackRefusal("message", duplicated)?.message).toBe(
      "an action_id must be unique within its block: run_command [json-pointer:/blocks/0]"
    )
  })
})

describe("every route of the fake Slack applies them", () => {
  let slack: FakeSlack
  beforeAll(async () => {
    slack = await startFakeSlack()
  })
  afterAll(async () => {
    await slack?.close()
  })
  beforeEach(() => slack.reset())

  const api = async (method: string, params: Record<string, unknown>) => {
    const res = await fetch(`${slack.apiUrl}${method}`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: "Bearer xoxb-rules" },
      body: JSON.stringify(params)
    })
    return (await res.json()) as { ok: boolean; error?: string; response_metadata?: { messages: Array<string> } }
  }

  it.each(["chat.postMessage", "chat.postEphemeral", "chat.update"])("%s: invalid_blocks", async (method) => {
    const ts = (await api("chat.postMessage", { channel: "C1", text: "before" })) as unknown as { ts: string }
    const target = { channel: "C1", user: "U1", ...(method === "chat.update" ? { ts: ts.ts } : {}) }
    const refused = await api(method, { ...target, ...duplicated })
    expect(refused).toMatchObject({ ok: false, error: "invalid_blocks" })
    expect(refused.response_metadata?.messages[0]).toContain("action_id must be unique")
    expect((await api(method, { ...target, ...unique })).ok).toBe(true)
  })

  it("a response_url post: invalid_blocks, and the refusal does not count as a use", async () => {
    const url = slack.responseUrl()
    const post = async (body: unknown) =>
      (await (await fetch(url, { method: "POST", body: JSON.stringify(body) })).json()) as { error?: string }
    expect((await post(duplicated)).error).toBe("invalid_blocks")
    expect(await post(unique)).toEqual({ ok: true })
  })

  it.each(["views.open", "views.push", "views.update", "views.publish"])("%s: invalid_arguments", async (method) => {
    const home = method === "views.publish"
    const view = (blocks: ReadonlyArray<unknown>) => (home ? { type: "home", blocks } : modal({}, blocks))
    const opened = (await api("views.open", { trigger_id: "t", view: modal() })) as unknown as { view: { id: string } }
    const target = home
      ? { user_id: "U1" }
      : method === "views.update"
        ? { view_id: opened.view.id }
        : { trigger_id: "t" }
    expect(await api(method, { ...target, view: view(duplicated.blocks) })).toMatchObject({
      ok: false,
      error: "invalid_arguments"
    })
    expect((await api(method, { ...target, view: view(unique.blocks) })).ok).toBe(true)
  })

  it("a Socket Mode acknowledgement is refused like the message or view it carries", async () => {
    const socket = new WebSocket(`${slack.url.replace("http:", "ws:")}/link`)
    socket.on("message", (data) => {
      const envelope = JSON.parse(data.toString()) as { envelope_id?: string; payload?: { text?: string } }
      if (envelope.envelope_id === undefined) return
      const payload = envelope.payload?.text === "bad" ? duplicated : unique
      socket.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload }))
    })
    await new Promise((resolve) => socket.once("open", resolve))
    try {
      await expect(slack.sendEnvelope("slash_commands", slashCommandFields({ text: "bad" }))).rejects.toThrow(
        /invalid_blocks/
      )
      expect((await slack.sendEnvelope("slash_commands", slashCommandFields({ text: "good" }))).payload).toEqual(unique)
    } finally {
      socket.terminate()
    }
  })
})

describe("an HTTP acknowledgement read by the signed-request helpers", () => {
  let answer: unknown = {}
  const server = createServer((req, res) => {
    req.resume()
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" })
      res.end(JSON.stringify(answer))
    })
  })
  let base = ""
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it("a slash command's ack with duplicate action ids fails the request as Slack would refuse it", async () => {
    answer = duplicated
    await expect(sendSlashCommand(base, "secret", { text: "info" })).rejects.toThrow(/invalid_blocks/)
    answer = unique
    expect((await sendSlashCommand(base, "secret", { text: "info" })).status).toBe(200)
  })

  it("a view submission's ack with a view Slack refuses fails the request", async () => {
    answer = { response_action: "update", view: modal({ title: { type: "plain_text", text: "x".repeat(25) } }) }
    await expect(
      sendViewSubmission(base, "secret", { view: { id: "V1", callback_id: "c" }, values: {} })
    ).rejects.toThrow(/invalid_arguments/)
    answer = { response_action: "update", view: modal() }
    expect(
      (await sendViewSubmission(base, "secret", { view: { id: "V1", callback_id: "c" }, values: {} })).status
    ).toBe(200)
  })
})
