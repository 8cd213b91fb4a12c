import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { handleHomeOpened } from "../../src/commands/router.js"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import { type CommandKit, type Recorded, startCommandKit, person } from "../support/commandKit.js"

const homes = (replies: ReadonlyArray<Recorded>) =>
  replies.flatMap((r) => (r.reply._tag === "PublishHome" ? [r.reply as Extract<Reply, { _tag: "PublishHome" }>] : []))
const viewText = (reply: Extract<Reply, { _tag: "PublishHome" }>) => JSON.stringify(reply.view)

describe("the App Home (in-process)", () => {
  let kit: CommandKit
  const open = async (userId: string, teamId = "T0001") => {
    const mark = kit.replies.length
    await kit.run(handleHomeOpened({ person: person(userId, teamId), command: "/scalingo" }))
    return kit.replies.slice(mark)
  }

  beforeAll(async () => {
    kit = await startCommandKit()
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  it("an unlinked person gets a Link button that opens the login form", async () => {
    const [home] = homes(await open("U-NOBODY"))
    expect(home?.view.type).toBe("home")
    expect(viewText(home!)).toContain("home_link")
    expect(viewText(home!)).toContain("not linked a Scalingo account")
    const [answer] = await kit.click("home_link", "link", {
      person: person("U-NOBODY"),
      channelId: undefined,
      responseUrl: undefined
    })
    expect(answer?.reply._tag).toBe("OpenModal")
    expect(JSON.stringify(answer?.reply)).toContain('"callback_id":"login"')
  })

  it("a linked person sees their account; a starred app shows with its status and quick actions", async () => {
    const [before] = homes(await open("U-ALICE"))
    expect(viewText(before!)).toContain("You act as the Scalingo account *alice*")
    expect(viewText(before!)).toContain("No starred apps yet")
    const starred = await kit.click("run_command", "star alice-web", { person: person("U-ALICE") })
    expect(starred.map((r) => r.reply._tag).sort()).toEqual(["PublishHome", "Private"].sort())
    const [after] = homes(await open("U-ALICE"))
    expect(viewText(after!)).toContain("*alice-web* · :large_green_circle: running · `osc-fr1`")
    expect(viewText(after!)).toContain("unstar alice-web")
  })

  it("opening it again within a minute makes no Scalingo request", async () => {
    await open("U-ALICE")
    const before = kit.sim.requests.length
    const [again] = homes(await open("U-ALICE"))
    expect(viewText(again!)).toContain("alice-web")
    expect(kit.sim.requests.length).toBe(before)
  })

  it("Unstar from the Home republishes it without the app and answers nothing else", async () => {
    const replies = await kit.click("run_command", "unstar alice-web", {
      person: person("U-ALICE"),
      channelId: undefined,
      responseUrl: undefined
    })
    expect(replies.map((r) => r.reply._tag)).toEqual(["PublishHome"])
    expect(viewText(homes(replies)[0]!)).toContain("No starred apps yet")
  })

  it("stars belong to their workspace", async () => {
    await kit.click("run_command", "star alice-web", { person: person("U-ALICE") })
    const [elsewhere] = homes(await open("U-ALICE", "T0002"))
    expect(viewText(elsewhere!)).not.toContain("alice-web")
    expect(viewText(elsewhere!)).toContain("not linked")
  })
})
