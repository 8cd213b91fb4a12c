import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type CommandKit,
  buttonValue,
  joinedTexts,
  messageOf,
  startCommandKit,
  textOf
} from "../../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const erin = { teamId: "T0001", userId: "U-ERIN", userName: "erin" }
const scalePosts = (kit: CommandKit, app: string) =>
  kit.sim.requests.filter((r) => r.method === "POST" && r.path === `/v1/apps/${app}/scale`)
const waitUntil = async (done: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out")
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe("scale (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit({ simulator: { operationDurationMs: 200 } })
    await kit.link("U-ALICE", "alice")
    await kit.link("U-ERIN", "erin")
  })
  afterAll(() => kit?.close())

  const ask = async (text: string, userId = "U-ALICE") => {
    const shown = (await kit.slash(text, { userId })).find((r) => r.reply._tag === "Private")
    return messageOf(shown!.reply)!
  }

  it("shows the formation before → after, and a relative amount, for confirmation", async () => {
    const question = textOf(await ask("scale alice-web web:+1 worker:2:L"))
    expect(question).toContain("`web`: 2 × M → *3 × M*")
    expect(question).toContain("`worker`: 1 × S → *2 × L*")
  })

  it("a mistyped change is refused before anything is read from Scalingo", async () => {
    const before = kit.sim.requests.length
    expect(textOf(await ask("scale alice-web web=3"))).toContain("is not a change")
    expect(kit.sim.requests.length).toBe(before)
  })

  it("unknown types are named with the app's real ones; sizes come from Scalingo's list", async () => {
    expect(textOf(await ask("scale alice-web db:1"))).toContain("its types are `web`, `worker`")
    expect(textOf(await ask("scale alice-web web:1:HUGE"))).toContain("is not a container size")
  })

  it("an autoscaler on a type being scaled is named in the confirmation", async () => {
    expect(textOf(await ask("scale alice-secure web:3"))).toContain("autoscaler")
  })

  it("confirmed, exactly one scale is sent and the channel message follows it to done", async () => {
    const id = buttonValue(await ask("scale alice-web worker:2"), "confirm_change")!
    const before = scalePosts(kit, "alice-web").length
    await Promise.all([1, 2].map(() => kit.click("confirm_change", id, { person: alice })))
    expect(scalePosts(kit, "alice-web").length - before).toBe(1)
    await waitUntil(() =>
      kit.replies.some((r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("scaled `alice-web`"))
    )
    // The result says before → after.
    const done = kit.replies.find((r) => r.reply._tag === "Update" && textOf(r.reply.message).includes("done in"))
    expect(textOf(messageOf(done!.reply)!)).toContain("scaled `alice-web` (`osc-fr1`), `worker: 1 → 2 (S)`: done in")
  })

  it("a limited collaborator's scale is refused by Scalingo (403) with a sentence about their role", async () => {
    const id = buttonValue(await ask("scale alice-web worker:3", "U-ERIN"), "confirm_change")!
    const answer = (await kit.click("confirm_change", id, { person: erin })).find(
      (r) => r.reply._tag === "ReplaceClicked"
    )
    expect(textOf(messageOf(answer!.reply)!)).toContain("your role on the app does not allow it")
  })

  it("a plain confirm click carrying a stop's value sends nothing: the typed name belongs to the change", async () => {
    const question = await ask("scale alice-web web:0 worker:0")
    const id = buttonValue(question, "confirm_stop")!
    const before = scalePosts(kit, "alice-web").length
    const answers = await kit.click("confirm_change", id, { person: alice })
    await kit.settle()
    expect(scalePosts(kit, "alice-web").length).toBe(before)
    expect(joinedTexts(answers)).toContain("type its name")
    // The question still stands: the typed name, through its own button, still stops the app.
    const [opened] = await kit.click("confirm_stop", id, { person: alice })
    expect(opened?.reply._tag).toBe("OpenModal")
  })

  it("stopping the app asks for its name in a modal; a wrong name is refused inline and nothing is sent", async () => {
    const question = await ask("scale alice-web web:0 worker:0")
    expect(textOf(question)).toContain("no container at all")
    expect(buttonValue(question, "confirm_change")).toBeUndefined()
    const id = buttonValue(question, "confirm_stop")!
    const [opened] = await kit.click("confirm_stop", id, { person: alice })
    expect(opened?.reply._tag).toBe("OpenModal")
    const metadata = (opened!.reply as { view: { private_metadata: string } }).view.private_metadata
    const before = scalePosts(kit, "alice-web").length
    const wrong = await kit.submit("confirm_stop_modal", {
      person: alice,
      privateMetadata: metadata,
      values: { app_name: { app_name: { value: "alice-webb" } } }
    })
    expect(wrong.ack).toMatchObject({ response_action: "errors" })
    expect(scalePosts(kit, "alice-web").length).toBe(before)
    const right = await kit.submit("confirm_stop_modal", {
      person: alice,
      privateMetadata: metadata,
      values: { app_name: { app_name: { value: "alice-web" } } }
    })
    expect(JSON.stringify(right.ack)).toContain("Confirmed")
    await kit.settle()
    expect(scalePosts(kit, "alice-web").length - before).toBe(1)
  })
})
