import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PendingChanges } from "../../../src/storage/PendingChanges.js"
import {
  type CommandKit,
  messageOf,
  type Recorded,
  startCommandKit,
  textOf,
  buttonValue
} from "../../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const bob = { teamId: "T0001", userId: "U-BOB", userName: "bob" }

const restartPosts = (kit: CommandKit) =>
  kit.sim.requests.filter((r) => r.method === "POST" && r.path === "/v1/apps/alice-web/restart")
const textsOf = (replies: ReadonlyArray<Recorded>) => replies.map((r) => textOf(messageOf(r.reply)!))
const waitUntil = async (done: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out")
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe("restart (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit({ simulator: { operationDurationMs: 300 } })
    await kit.link("U-ALICE", "alice")
    await kit.link("U-BOB", "bob")
  })
  afterAll(() => kit?.close())

  const ask = async (text = "restart alice-web web") => {
    // Progress of earlier restarts may be recorded meanwhile: the question is the private answer.
    const question = (await kit.slash(text, { userId: "U-ALICE" })).find((r) => r.reply._tag === "Private")
    expect(question).toBeDefined()
    return messageOf(question!.reply)!
  }

  it("asks privately, naming what restarts, on which app, in which region; nothing is sent yet", async () => {
    const before = restartPosts(kit).length
    const question = textOf(await ask())
    expect(question).toContain("`alice-web`")
    expect(question).toContain("`osc-fr1`")
    expect(question).toContain("`web` (2 × M)")
    expect(restartPosts(kit).length).toBe(before)
  })

  it("without a type, everything restarts; an unknown type is named with the app's real ones", async () => {
    expect(textOf(await ask("restart alice-web"))).toContain("every container")
    const [refused] = await kit.slash("restart alice-web db", { userId: "U-ALICE" })
    expect(textOf(messageOf(refused!.reply)!)).toContain("its types are `web` and `worker`")
  })

  it("three quick clicks send exactly one restart; the channel message is edited until done", async () => {
    const id = buttonValue(await ask(), "confirm_change")!
    const before = restartPosts(kit).length
    const clicks = await Promise.all([1, 2, 3].map(() => kit.click("confirm_change", id, { person: alice })))
    expect(restartPosts(kit).length - before).toBe(1)
    const all = clicks.flat()
    expect(all.filter((r) => r.reply._tag === "Post")).toHaveLength(1)
    expect(textsOf(all.filter((r) => r.reply._tag === "ReplaceClicked")).join("\n")).toContain("already confirmed")
    await waitUntil(() =>
      kit.replies.some((r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("done in"))
    )
    const updates = kit.replies.filter((r) => r.reply._tag === "Update")
    expect(new Set(updates.map((u) => (u.reply as { ts: string }).ts)).size).toBe(1)
  })

  it("each message of a restart, from question to done, has a notification text that reads as a sentence", async () => {
    const mark = kit.replies.length
    const id = buttonValue(await ask(), "confirm_change")!
    await kit.click("confirm_change", id, { person: alice })
    await waitUntil(() =>
      kit.replies.slice(mark).some((r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("done in"))
    )
    const texts = kit.replies.slice(mark).flatMap((r) => (messageOf(r.reply) ? [messageOf(r.reply)!.text] : []))
    expect(texts.length).toBeGreaterThanOrEqual(4)
    for (const text of texts) {
      expect(text).toMatch(/^(<@[A-Z0-9-]+>|[A-Z])/)
      expect(text).toMatch(/[.?]$/)
      expect(text).not.toMatch(/[`*]|:[a-z_]+:/)
    }
    expect(texts[0]).toBe("Restart alice-web in osc-fr1? Only you can confirm it, within 10 minutes.")
  })

  it("a confirmation recorded but never sent (the bot stopped between) says so, not already sent", async () => {
    const id = buttonValue(await ask(), "confirm_change")!
    const changeId = JSON.parse(id) as string
    // The claim is recorded, then the bot stops before sending: nothing reaches Scalingo.
    await kit.run(Effect.flatMap(PendingChanges, (pending) => pending.confirm("T0001", changeId, "U-ALICE")))
    const before = restartPosts(kit).length
    const [late] = await kit.click("confirm_change", id, { person: alice })
    expect(restartPosts(kit).length).toBe(before)
    expect(textOf(messageOf(late!.reply)!)).toContain("not known to the bot")

    const sentId = buttonValue(await ask(), "confirm_change")!
    const mark = kit.replies.length
    await kit.click("confirm_change", sentId, { person: alice })
    const [again] = await kit.click("confirm_change", sentId, { person: alice })
    expect(textOf(messageOf(again!.reply)!)).toContain("already confirmed and sent")
    // Its operation ends before the next test asks (Scalingo takes one at a time).
    await waitUntil(() =>
      kit.replies.slice(mark).some((r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("done in"))
    )
  })

  it("someone else's click changes nothing and tells them privately", async () => {
    const id = buttonValue(await ask(), "confirm_change")!
    const before = restartPosts(kit).length
    const [answer] = await kit.click("confirm_change", id, { person: bob })
    expect(answer?.reply._tag).toBe("Private")
    expect(textOf(messageOf(answer!.reply)!)).toContain("not yours")
    expect(restartPosts(kit).length).toBe(before)
  })

  it("an operation ending in error shows Scalingo's reason", async () => {
    kit.sim.planNextOperation("alice", "osc-fr1", "alice-web", { error: "container web-1 failed to restart" })
    const id = buttonValue(await ask(), "confirm_change")!
    await kit.click("confirm_change", id, { person: alice })
    await waitUntil(() =>
      kit.replies.some((r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("failed to restart"))
    )
  })

  it("a restart whose answer was lost is not sent again, and says it may or may not have happened", async () => {
    kit.sim.faults.add({ method: "POST", path: "/v1/apps/alice-web/restart", reset: true, times: 1 })
    const id = buttonValue(await ask(), "confirm_change")!
    const before = restartPosts(kit).length
    const [answer] = await kit.click("confirm_change", id, { person: alice })
    expect(restartPosts(kit).length - before).toBe(1)
    expect(answer?.reply._tag).toBe("ReplaceClicked")
    expect(textOf(messageOf(answer!.reply)!)).toContain("may or may not have happened")
  })

  it("a restart while another operation runs is refused with its own sentence, nothing sent twice", async () => {
    kit.sim.planNextOperation("alice", "osc-fr1", "alice-web", { never: true })
    const first = buttonValue(await ask(), "confirm_change")!
    await kit.click("confirm_change", first, { person: alice })
    const second = buttonValue(await ask(), "confirm_change")!
    const busy = (await kit.click("confirm_change", second, { person: alice })).find(
      (r) => r.reply._tag === "ReplaceClicked"
    )
    expect(textOf(messageOf(busy!.reply)!)).toContain("already restarting or scaling")
  })

  it("cancel sends nothing and replaces the question", async () => {
    const id = buttonValue(await ask(), "cancel_change")!
    const before = restartPosts(kit).length
    const [answer] = await kit.click("cancel_change", id, { person: alice })
    expect(answer?.reply._tag).toBe("ReplaceClicked")
    expect(textOf(messageOf(answer!.reply)!)).toContain("Cancelled")
    expect(restartPosts(kit).length).toBe(before)
  })
})

describe("restart of an operation that never finishes (in-process, the 10 minutes shortened)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit({ followLimits: { every: "100 millis", within: "1 second" } })
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  it("after the follow window the message says it is still running and how to check; polls stay spaced", async () => {
    kit.sim.planNextOperation("alice", "osc-fr1", "alice-web", { never: true })
    const [question] = await kit.slash("restart alice-web", { userId: "U-ALICE" })
    const id = buttonValue(messageOf(question!.reply)!, "confirm_change")!
    await kit.click("confirm_change", id, { person: alice })
    await waitUntil(() =>
      kit.replies.some(
        (r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("still running after 10 minutes")
      )
    )
    const polls = kit.sim.requests.filter((r) => r.method === "GET" && r.path.includes("/operations/"))
    expect(polls.length).toBeGreaterThan(3)
    expect(polls.length).toBeLessThan(15)
  })
})
