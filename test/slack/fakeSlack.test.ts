// The fake Slack refuses what Slack refuses (issue 9, defect 7's test side), so a test passing against it
// means Slack would take the same messages. Plain HTTP here: the fake on its own, no bot.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { type FakeSlack, MESSAGE_LIMITS, RESPONSE_URL_USES, startFakeSlack } from "../support/fakeSlack.js"

const TOKEN = "xoxb-fake-slack-test"

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } })
const sections = (count: number, each: number) => Array.from({ length: count }, () => section("x".repeat(each)))

/** What each message method needs besides the message itself. */
const MESSAGE_CALLS = ["chat.postMessage", "chat.update", "chat.postEphemeral", "response_url"] as const

describe("the fake Slack, as strict as Slack", () => {
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
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(params)
    })
    return (await res.json()) as Record<string, unknown>
  }
  const respond = async (url: string, body: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body)
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  /** Sends one message through `how` and answers Slack's error code, or "ok". */
  const sendMessage = async (how: (typeof MESSAGE_CALLS)[number], message: Record<string, unknown>) => {
    if (how === "response_url") {
      const answer = await respond(slack.responseUrl(), message)
      return answer.body.ok === true ? "ok" : answer.body.error
    }
    const target =
      how === "chat.update"
        ? { channel: "C1", ts: (await api("chat.postMessage", { channel: "C1", text: "before" })).ts }
        : { channel: "C1", user: "U1" }
    const answer = await api(how, { ...target, ...message })
    return answer.ok === true ? "ok" : answer.error
  }

  describe.each(MESSAGE_CALLS)("%s", (how) => {
    it(`refuses more than ${MESSAGE_LIMITS.blocks} blocks with invalid_blocks, and takes exactly that many`, async () => {
      expect(await sendMessage(how, { text: "t", blocks: sections(MESSAGE_LIMITS.blocks + 1, 10) })).toBe(
        "invalid_blocks"
      )
      expect(await sendMessage(how, { text: "t", blocks: sections(MESSAGE_LIMITS.blocks, 10) })).toBe("ok")
    })

    it(`refuses a section text over ${MESSAGE_LIMITS.sectionText} characters with invalid_blocks`, async () => {
      expect(await sendMessage(how, { text: "t", blocks: sections(1, MESSAGE_LIMITS.sectionText + 1) })).toBe(
        "invalid_blocks"
      )
      expect(await sendMessage(how, { text: "t", blocks: sections(1, MESSAGE_LIMITS.sectionText) })).toBe("ok")
    })

    it(`refuses more than ${MESSAGE_LIMITS.totalBlockText} characters of block text with msg_blocks_too_long`, async () => {
      // 22 ordinary blocks of 1,500 characters: every block fits, the message does not (issue 9, defect 7).
      expect(await sendMessage(how, { text: "t", blocks: sections(22, 1500) })).toBe("msg_blocks_too_long")
      expect(await sendMessage(how, { text: "t", blocks: sections(8, 1500) })).toBe("ok")
    })
  })

  it("chat.update of a message it never posted answers message_not_found, and edits a posted one in place", async () => {
    expect(await api("chat.update", { channel: "C1", ts: "1700000000.999999", text: "x" })).toEqual({
      ok: false,
      error: "message_not_found"
    })
    const posted = await api("chat.postMessage", { channel: "C1", text: "first" })
    expect(await api("chat.update", { channel: "C1", ts: posted.ts, text: "second" })).toMatchObject({ ok: true })
    expect(slack.messages.get(`C1/${posted.ts}`)).toMatchObject({ text: "second", edits: 1 })
    expect(await api("chat.update", { channel: "C2", ts: posted.ts, text: "elsewhere" })).toMatchObject({
      error: "message_not_found"
    })
  })

  it.each(["channel_not_found", "not_in_channel", "is_archived"] as const)(
    "a channel set to %s refuses posts, ephemerals and uploads into it, and only that channel",
    async (state) => {
      slack.setChannel("CBAD", state)
      expect(await api("chat.postMessage", { channel: "CBAD", text: "x" })).toEqual({ ok: false, error: state })
      expect(await api("chat.postEphemeral", { channel: "CBAD", user: "U1", text: "x" })).toMatchObject({
        error: state
      })
      expect(await api("files.completeUploadExternal", { channel_id: "CBAD", files: [] })).toMatchObject({
        error: state
      })
      expect(await api("chat.postMessage", { channel: "CGOOD", text: "x" })).toMatchObject({ ok: true })
    }
  )

  it(`a response_url takes ${RESPONSE_URL_USES} uses, then answers 404 used_url; refused attempts do not count`, async () => {
    const url = slack.responseUrl()
    expect((await respond(url, { text: "t", blocks: sections(60, 1) })).body.error).toBe("invalid_blocks")
    for (let use = 1; use <= RESPONSE_URL_USES; use++)
      expect(await respond(url, { text: `use ${use}` })).toEqual({ status: 200, body: { ok: true } })
    expect(await respond(url, { text: "one too many" })).toEqual({
      status: 404,
      body: { ok: false, error: "used_url" }
    })
  })

  it("a response_url past its lifetime answers 404 expired_url", async () => {
    const shortLived = await startFakeSlack({ responseUrlLifetimeMs: 50 })
    try {
      const url = shortLived.responseUrl()
      await new Promise((resolve) => setTimeout(resolve, 80))
      expect(await respond(url, { text: "late" })).toEqual({ status: 404, body: { ok: false, error: "expired_url" } })
    } finally {
      await shortLived.close()
    }
  })

  it("replace_original edits the clicked message, or the one the URL produced; delete_original removes it", async () => {
    const posted = await api("chat.postMessage", { channel: "C1", text: "page 1" })
    const click = slack.responseUrl({ original: { channel: "C1", ts: String(posted.ts) } })
    await respond(click, { text: "page 2", replace_original: true })
    expect(slack.messages.get(`C1/${posted.ts}`)).toMatchObject({ text: "page 2", edits: 1 })
    const command = slack.responseUrl({ channel: "C2" })
    await respond(command, { text: "checking…" })
    await respond(command, { text: "linked", replace_original: true })
    expect([...slack.messages.values()].filter((m) => m.channel === "C2")).toEqual([
      expect.objectContaining({ text: "linked", edits: 1, ephemeral: true, via: "response_url" })
    ])
    await respond(click, { delete_original: true })
    expect(slack.messages.has(`C1/${posted.ts}`)).toBe(false)
  })

  it("users.info answers what a test set (admin, owner), and a plain member for anyone else", async () => {
    slack.setUser("UADMIN", { is_admin: true })
    slack.setUser("UOWNER", { is_owner: true, is_primary_owner: true })
    const flags = async (user: string) => {
      const { user: u } = (await api("users.info", { user })) as { user: Record<string, unknown> }
      return [u.id, u.is_admin, u.is_owner]
    }
    expect(await flags("UADMIN")).toEqual(["UADMIN", true, false])
    expect(await flags("UOWNER")).toEqual(["UOWNER", false, true])
    expect(await flags("UPLAIN")).toEqual(["UPLAIN", false, false])
  })

  it("keeps direct messages, published home views and files, and refuses to complete an upload never sent", async () => {
    expect(await api("conversations.open", { users: "U1" })).toMatchObject({ channel: { id: "DU1" } })
    expect(slack.dms.get("U1")).toBe("DU1")
    await api("views.publish", { user_id: "U1", view: { type: "home", blocks: [section("home")] } })
    expect(slack.homeViews.get("U1")).toMatchObject({ type: "home", blocks: [section("home")] })
    const ticket = await api("files.getUploadURLExternal", { filename: "a.txt", length: 3 })
    expect(await api("files.completeUploadExternal", { files: [{ id: ticket.file_id }] })).toMatchObject({
      error: "file_not_found"
    })
    expect((await fetch(String(ticket.upload_url), { method: "POST", body: "abc" })).status).toBe(200)
    const done = await api("files.completeUploadExternal", {
      files: [{ id: ticket.file_id, title: "A" }],
      channel_id: "DU1",
      initial_comment: "here"
    })
    expect(done).toMatchObject({ ok: true, files: [{ id: ticket.file_id, title: "A" }] })
    expect(slack.files.get(String(ticket.file_id))).toMatchObject({ completed: true, channel: "DU1", title: "A" })
    expect(slack.files.get(String(ticket.file_id))?.content?.toString()).toBe("abc")
  })
})
