import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CommandKit, messageOf, startCommandKit, textOf } from "../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
let views = 0
/** Each modal Slack opens has its own view id; the create claim is per view. */
const freshView = () => `V-CREATE-${++views}`
const values = (name: string, region = "osc-fr1") => ({
  name: { name: { value: name } },
  region: { region: { selected_option: { value: region } } }
})

describe("create (in-process)", () => {
  let kit: CommandKit
  let metadata = ""
  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
    await kit.link("U-CAROL", "carol")
    const [opened] = await kit.slash("create my-new-app", { userId: "U-ALICE" })
    metadata = (opened!.reply as { view: { private_metadata: string } }).view.private_metadata
  })
  afterAll(() => kit?.close())

  it("opens the form at once with the name prefilled and the account's regions", async () => {
    const [opened] = await kit.slash("create prefilled-name", { userId: "U-ALICE" })
    expect(opened?.reply._tag).toBe("OpenModal")
    const text = JSON.stringify(opened!.reply)
    expect(text).toContain("prefilled-name")
    expect(text).toContain("osc-secnum-fr1")
  })

  it("a valid submission creates the app once and announces it in the channel it was asked from", async () => {
    const { ack } = await kit.submit("create_app", {
      person: alice,
      viewId: freshView(),
      privateMetadata: metadata,
      values: values("alice-brand-new")
    })
    expect(JSON.stringify(ack)).toContain("now exists")
    await kit.settle()
    const announcement = kit.replies.findLast((r) => r.reply._tag === "Post")
    expect(textOf(messageOf(announcement!.reply)!)).toContain("alice-brand-new")
    expect(announcement!.origin.channelId).toBe("C0001")
  })

  it("the same modal submitted twice (a double click, a Slack retry) sends one creation", async () => {
    const mark = kit.sim.requests.length
    const submit = () =>
      kit.submit("create_app", {
        person: alice,
        viewId: "V-TWICE",
        privateMetadata: metadata,
        values: values("alice-twice")
      })
    await Promise.all([submit(), submit(), submit()])
    await kit.settle()
    expect(kit.sim.requests.slice(mark).filter((r) => r.method === "POST" && r.path === "/v1/apps")).toHaveLength(1)
  })

  it("a taken name is refused inline, as a full sentence", async () => {
    const { ack } = await kit.submit("create_app", {
      person: alice,
      viewId: freshView(),
      privateMetadata: metadata,
      values: values("alice-web")
    })
    expect(ack).toMatchObject({ response_action: "errors" })
    expect((ack as { errors: Record<string, string> }).errors.name).toBe("The name “alice-web” is already taken.")
  })

  it("a name breaking Scalingo's rules is refused inline before anything is sent", async () => {
    const mark = kit.sim.requests.length
    const { ack } = await kit.submit("create_app", {
      person: alice,
      viewId: freshView(),
      privateMetadata: metadata,
      values: values("Ab")
    })
    expect(ack).toMatchObject({ response_action: "errors", errors: { name: expect.stringContaining("The name") } })
    expect(kit.sim.requests.length).toBe(mark)
  })

  it("billing that needs attention (402) shows Scalingo's words and a readable link to its billing page", async () => {
    const carol = { teamId: "T0001", userId: "U-CAROL", userName: "carol" }
    const { ack } = await kit.submit("create_app", {
      person: carol,
      viewId: freshView(),
      privateMetadata: metadata,
      values: values("carol-app")
    })
    const text = JSON.stringify(ack)
    expect(text).toContain("billing")
    expect(text).toContain("<https://my.scalingo.com/apps/billing|Scalingo's billing page")
  })

  it("defect 14: a 402 message and URL from elsewhere are escaped and never linked", async () => {
    kit.sim.faults.add({
      method: "POST",
      path: "/v1/apps",
      status: 402,
      times: 1,
      body: JSON.stringify({ error: "<!channel> *pay* <https://evil.example|here>", url: "https://evil.example/pay" })
    })
    const { ack } = await kit.submit("create_app", {
      person: alice,
      viewId: freshView(),
      privateMetadata: metadata,
      values: values("alice-402")
    })
    const text = JSON.stringify(ack)
    expect(text).not.toContain("<!channel>")
    expect(text).not.toContain("<https://evil.example")
    expect(text).toContain("&lt;!channel&gt;")
  })
})
