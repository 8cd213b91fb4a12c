import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Message } from "../../src/blockKit/blocks.js"
import { LIMITS } from "../../src/blockKit/limits.js"
import { blockTextLength } from "../../src/blockKit/blocks.js"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import { type CommandKit, messageOf, type Recorded, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const bob = { teamId: "T0001", userId: "U-BOB", userName: "bob" }

const buttonsOf = (message: Message) =>
  message.blocks.flatMap((b) =>
    b.type === "actions" ? (b.elements as Array<{ value?: string; text?: { text: string } }>) : []
  )
const nextOf = (message: Message) => buttonsOf(message).find((b) => b.text?.text.startsWith("Next"))?.value
const posts = (replies: ReadonlyArray<Recorded>) =>
  replies.filter((r): r is Recorded & { reply: Extract<Reply, { _tag: "Post" }> } => r.reply._tag === "Post")
const eventSections = (message: Message) => message.blocks.filter((b) => b.type === "section").length

/** 20 events whose sentences are as long as Scalingo's data can make them. */
const heavyEvents = (app: string) =>
  Array.from({ length: 20 }, (_, i) => ({
    id: `ev-heavy-${i}`,
    created_at: new Date(Date.now() - i * 60_000).toISOString(),
    type: "edit_variables",
    app_name: app,
    user: { username: "alice", email: "alice@example.com", id: "us-1" },
    type_data: {
      new_vars: Array.from({ length: 8 }, (_, j) => ({ name: `VARIABLE_${i}_${j}_${"X".repeat(100)}` }))
    }
  }))

describe("events (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.link("U-BOB", "bob")
  })
  afterAll(() => kit?.close())

  it("posts a parent in the channel and the first page in its thread, one request for the page", async () => {
    const mark = kit.sim.requests.length
    const [parent, page] = posts(await kit.slash("events forty-seven-events", { userId: "U-ALICE" }))
    expect(textOf(parent!.reply.message)).toContain("Events of forty-seven-events")
    expect(page!.reply.threadTs).toMatch(/^1700000000\.\d+$/)
    expect(eventSections(page!.reply.message)).toBe(20)
    expect(kit.sim.requests.slice(mark).filter((r) => r.path.endsWith("/events"))).toHaveLength(1)
  })

  it("defect 4: account events are paged only by their owner; anyone else is told so privately", async () => {
    for (const region of ["osc-fr1", "osc-secnum-fr1"]) kit.sim.addAccountEvents("alice", region, 30)
    const [, page] = posts(await kit.slash("events", { userId: "U-ALICE" }))
    const next = nextOf(page!.reply.message)!
    const mark = kit.sim.requests.length
    const [refused] = await kit.click("events_page", next, { person: bob })
    expect(refused?.reply._tag).toBe("Private")
    expect(textOf(messageOf(refused!.reply)!)).toContain("<@U-ALICE>")
    expect(kit.sim.requests.length).toBe(mark)
    const served = posts(await kit.click("events_page", next, { person: alice }))
    expect(served).toHaveLength(1)
  })

  it("defect 4: a page of an app's events says who asked for it", async () => {
    const [, page] = posts(await kit.slash("events alice-web", { userId: "U-ALICE" }))
    expect(textOf(page!.reply.message)).toContain("asked by <@U-ALICE>")
  })

  it("defect 7: a heavy page stays within Slack's message size, and Next resumes where it stopped", async () => {
    kit.sim.faults.add({
      path: "/v1/apps/alice-web/events",
      status: 200,
      body: JSON.stringify({
        events: heavyEvents("alice-web"),
        meta: { pagination: { current_page: 1, total_pages: 1, total_count: 20, prev_page: null, next_page: null } }
      })
    })
    try {
      const [, page] = posts(await kit.slash("events alice-web", { userId: "U-ALICE" }))
      const first = page!.reply.message
      const size = first.blocks.reduce((sum, b) => sum + blockTextLength(b), 0)
      expect(size).toBeLessThanOrEqual(LIMITS.messageBlockText)
      const shown = eventSections(first)
      expect(shown).toBeGreaterThan(0)
      expect(shown).toBeLessThan(20)
      const second = posts(
        await kit.click("events_page", nextOf(first)!, { person: alice, threadTs: page!.reply.threadTs })
      )
      expect(textOf(second[0]!.reply.message)).toContain(`VARIABLE_${shown}_0`)
    } finally {
      kit.sim.faults.clear()
    }
  })

  it("a Next click removes the buttons of the page it was clicked on", async () => {
    const [, page] = posts(await kit.slash("events forty-seven-events", { userId: "U-ALICE" }))
    const clicked = {
      ts: page!.reply.threadTs!,
      text: page!.reply.message.text,
      blocks: page!.reply.message.blocks,
      ephemeral: false
    }
    const shown = await kit.click("events_page", nextOf(page!.reply.message)!, { person: alice, message: clicked })
    const replaced = shown.find((r) => r.reply._tag === "ReplaceClicked")
    expect(replaced).toBeDefined()
    expect(buttonsOf(messageOf(replaced!.reply)!)).toHaveLength(0)
  })

  it("nothing posted to the channel carries an e-mail address", async () => {
    const shown = posts(await kit.slash("events all-event-types", { userId: "U-ALICE" }))
    for (const post of shown) expect(textOf(post.reply.message)).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i)
  })

  it("defect 13: data is shown as data: no live formatting or auto-linked URL from Scalingo", async () => {
    kit.sim.faults.add({
      path: "/v1/apps/alice-web/events",
      status: 200,
      body: JSON.stringify({
        events: [
          {
            id: "ev-fmt",
            created_at: new Date().toISOString(),
            type: "deployment",
            app_name: "alice-web",
            user: { username: "*boss*", email: "x@y.z", id: "us-1" },
            type_data: {
              git_ref: "_v1_ ~old~ https://evil.example",
              status: "success",
              git_ref_url: "https://evil.example/x"
            }
          }
        ]
      })
    })
    try {
      const [, page] = posts(await kit.slash("events alice-web", { userId: "U-ALICE" }))
      const text = JSON.stringify(page!.reply.message.blocks)
      expect(text).not.toMatch(/(^|[\s(])\*boss\*/)
      expect(text).not.toContain("<https://evil.example|Pull request>")
      for (const block of page!.reply.message.blocks) {
        if (block.type === "section") expect((block.text as { verbatim?: boolean }).verbatim).toBe(true)
      }
    } finally {
      kit.sim.faults.clear()
    }
  })

  it("where the bot cannot post, the first page is shown privately with how to fix it", async () => {
    kit.refusePosts("C-PRIVATE", "not_in_channel")
    const shown = await kit.slash("events alice-web", { userId: "U-ALICE", channelId: "C-PRIVATE" })
    expect(shown).toHaveLength(1)
    expect(shown[0]!.reply._tag).toBe("Private")
    expect(textOf(messageOf(shown[0]!.reply)!)).toContain("can't post in this channel")
  })

  it("a name that cannot be an app is refused without asking Scalingo", async () => {
    const mark = kit.sim.requests.length
    const [shown] = await kit.slash("events ../../v1/users", { userId: "U-ALICE" })
    expect(textOf(messageOf(shown!.reply)!)).toContain("is not an app name")
    expect(kit.sim.requests.length).toBe(mark)
  })
})
