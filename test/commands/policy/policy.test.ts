import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { StopMetadata } from "../../../src/commands/scale/scaleView.js"
import { actionOf, SUBCOMMAND_ACTIONS } from "../../../src/commands/catalogue.js"
import {
  type CommandKit,
  messageOf,
  startCommandKit,
  buttonValue,
  joinedTexts,
  person
} from "../../support/commandKit.js"

describe("channel policies (in-process)", () => {
  let kit: CommandKit
  const scalingoRequests = () => kit.sim.requests.length
  const admin = (text: string, channelId = "C-OPS") => kit.slash(text, { userId: "U-ADMIN", channelId })

  beforeAll(async () => {
    kit = await startCommandKit({
      policies: { botAdmins: ["U-BOTADMIN"] },
      workspaceAdmins: ["T0001/U-ADMIN", "T0002/U-ADMIN2"]
    })
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  it("a read-only channel refuses restart, scale and create, naming the policy, and sends nothing", async () => {
    const announced = await admin("policy read-only")
    expect(announced.map((r) => r.reply._tag)).toEqual(["Post"])
    expect(joinedTexts(announced)).toContain("changed the policy of <#C-OPS>")
    const before = scalingoRequests()
    for (const text of ["restart alice-web", "scale alice-web web:3", "create new-app", "restart"]) {
      const replies = await kit.slash(text, { userId: "U-ALICE", channelId: "C-OPS" })
      expect(replies.map((r) => r.reply._tag)).toEqual(["Private"])
      const said = joinedTexts(replies)
      expect(said).toContain("is not allowed in <#C-OPS>")
      expect(said).toContain("*read-only*")
      expect(said).toContain("Nothing was sent to Scalingo")
      expect(said).toContain("workspace's admins and owners, and <@U-BOTADMIN>")
    }
    expect(scalingoRequests()).toBe(before)
    // Reading is still allowed there.
    expect(joinedTexts(await kit.slash("info alice-web", { userId: "U-ALICE", channelId: "C-OPS" }))).toContain(
      "running"
    )
  })

  it("shortcuts, menu items and picker choices are checked as if typed", async () => {
    const before = scalingoRequests()
    const shortcut = await kit.click("run_command", "restart alice-web", {
      person: person("U-ALICE"),
      channelId: "C-OPS"
    })
    expect(joinedTexts(shortcut)).toContain("is not allowed in <#C-OPS>")
    const picked = await kit.click("app_picker", "alice-web", {
      person: person("U-ALICE"),
      channelId: "C-OPS",
      blockId: JSON.stringify({ s: "scale", w: ["web:2"] })
    })
    expect(joinedTexts(picked)).toContain("is not allowed in <#C-OPS>")
    expect(scalingoRequests()).toBe(before)
  })

  it("read-only refuses the real subscribe and unsubscribe; `policy allow subscribe` lets them in", async () => {
    expect(SUBCOMMAND_ACTIONS).toMatchObject({ subscribe: "subscribe", unsubscribe: "subscribe" })
    expect(actionOf("unsubscribe")).toBe("subscribe")
    await admin("policy read-only")
    const before = scalingoRequests()
    for (const text of ["subscribe alice-web", "unsubscribe alice-web", "subscribe alice-web all"]) {
      const said = joinedTexts(await kit.slash(text, { userId: "U-ALICE", channelId: "C-OPS" }))
      expect(said).toContain("`subscribe` is not allowed in <#C-OPS>")
      expect(said).toContain("Nothing was sent to Scalingo")
    }
    expect(scalingoRequests()).toBe(before)
    expect(joinedTexts(await kit.slash("subscriptions", { userId: "U-ALICE", channelId: "C-OPS" }))).not.toContain(
      "not allowed"
    )
    await admin("policy allow subscribe")
    const subscribed = await kit.slash("subscribe alice-web", { userId: "U-ALICE", channelId: "C-OPS" })
    expect(joinedTexts(subscribed)).not.toContain("not allowed")
    expect(scalingoRequests()).toBeGreaterThan(before)
    expect(
      joinedTexts(await kit.slash("unsubscribe alice-web", { userId: "U-ALICE", channelId: "C-OPS" }))
    ).not.toContain("not allowed")
    await kit.settle()
  })

  it("`policy allow restart` lets a restart through, and only it", async () => {
    await admin("policy allow restart")
    const [question] = await kit.slash("restart alice-web web", { userId: "U-ALICE", channelId: "C-OPS" })
    const id = buttonValue(messageOf(question!.reply)!, "confirm_change")
    expect(id).toBeDefined()
    const posts = () => kit.sim.requests.filter((r) => r.method === "POST" && r.path.endsWith("/restart")).length
    const before = posts()
    await kit.click("confirm_change", id!, { person: person("U-ALICE"), channelId: "C-OPS" })
    expect(posts()).toBe(before + 1)
    expect(joinedTexts(await kit.slash("scale alice-web web:3", { userId: "U-ALICE", channelId: "C-OPS" }))).toContain(
      "`scale` is not allowed"
    )
    await kit.settle()
  })

  it("a confirmation asked before a policy change and clicked after it is refused; nothing is sent", async () => {
    await admin("policy reset")
    const [question] = await kit.slash("restart alice-web web", { userId: "U-ALICE", channelId: "C-OPS" })
    const id = buttonValue(messageOf(question!.reply)!, "confirm_change")!
    const [stopQuestion] = await kit.slash("scale alice-web web:0 worker:0", { userId: "U-ALICE", channelId: "C-OPS" })
    const stopId = buttonValue(messageOf(stopQuestion!.reply)!, "confirm_stop")!
    await admin("policy read-only")
    const before = scalingoRequests()
    const clicked = await kit.click("confirm_change", id, { person: person("U-ALICE"), channelId: "C-OPS" })
    expect(joinedTexts(clicked)).toContain("`restart` is not allowed in <#C-OPS>")
    expect(joinedTexts(await kit.click("confirm_stop", stopId, { person: person("U-ALICE") }))).toContain(
      "`scale` is not allowed"
    )
    const { ack } = await kit.submit("confirm_stop_modal", {
      person: person("U-ALICE"),
      privateMetadata: StopMetadata.encode({ i: JSON.parse(stopId) as string }),
      values: { app_name: { app_name: { value: "alice-web" } } }
    })
    expect(JSON.stringify(ack)).toContain("is not allowed in")
    expect(scalingoRequests()).toBe(before)
  })

  it("`policy apps acme-*` refuses another app, for reading and for changes", async () => {
    await admin("policy reset")
    await admin("policy apps acme-* billing")
    const before = scalingoRequests()
    for (const text of ["info alice-web", "restart alice-web", "create alice-new"]) {
      const said = joinedTexts(await kit.slash(text, { userId: "U-ALICE", channelId: "C-OPS" }))
      expect(said).toContain("`alice-web`".replace("alice-web", text.split(" ")[1]!))
      expect(said).toContain("is not one of the apps allowed in <#C-OPS>")
      expect(said).toContain("only the apps `acme-*` and `billing`")
    }
    expect(scalingoRequests()).toBe(before)
    await admin("policy apps alice-*")
    expect(joinedTexts(await kit.slash("info alice-web", { userId: "U-ALICE", channelId: "C-OPS" }))).toContain(
      "running"
    )
  })

  it("a non-admin's change is refused; a BOT_ADMINS member's and a workspace admin's succeed", async () => {
    const refused = await kit.slash("policy read-only", { userId: "U-ALICE", channelId: "C-OWN" })
    expect(joinedTexts(refused)).toContain("Only the workspace's admins and owners")
    expect(joinedTexts(await kit.slash("policy", { userId: "U-ALICE", channelId: "C-OWN" }))).toContain("bot's default")
    const byBotAdmin = await kit.slash("policy read-only", { userId: "U-BOTADMIN", channelId: "C-OWN" })
    expect(byBotAdmin[0]?.reply._tag).toBe("Post")
    const byWorkspaceAdmin = await kit.slash("policy allow restart scale", { userId: "U-ADMIN", channelId: "C-OWN" })
    expect(joinedTexts(byWorkspaceAdmin)).toContain("`restart` and `scale`")
    const shown = joinedTexts(await kit.slash("policy", { userId: "U-ALICE", channelId: "C-OWN" }))
    expect(shown).toContain("its own policy, set by <@U-ADMIN>")
  })

  it("bad words get a sentence; direct messages have no policy of their own", async () => {
    expect(joinedTexts(await admin("policy allow deploy"))).toContain("`deploy` is not a change a policy knows")
    expect(joinedTexts(await admin("policy apps Bad_Name"))).toContain("is not an app name or a prefix")
    expect(joinedTexts(await admin("policy read-only", "D-ADMIN"))).toContain("direct messages with the bot follow")
  })

  // Issue 16 (defect 2): this test said a policy never applied to another workspace on the same channel id,
  // which let a shared channel's guests bypass it. Channel ids are global: the channel's policy applies.
  it("a channel shared with another workspace: its policy applies to that workspace's members too", async () => {
    await admin("policy read-only", "C-SHARED")
    const other = await kit.slash("policy", { userId: "U-ADMIN2", channelId: "C-SHARED", teamId: "T0002" })
    expect(joinedTexts(other)).toContain("*read-only*")
    const before = scalingoRequests()
    const guest = await kit.slash("restart alice-web", { userId: "U-GUEST", channelId: "C-SHARED", teamId: "T0002" })
    expect(joinedTexts(guest)).toContain("is not allowed in <#C-SHARED>")
    expect(scalingoRequests()).toBe(before)
    // The other team's admin is not this team's admin.
    const crossed = await kit.slash("policy reset", { userId: "U-ADMIN2", channelId: "C-SHARED" })
    expect(joinedTexts(crossed)).toContain("Only the workspace's admins")
    expect(joinedTexts(await admin("policy", "C-SHARED"))).toContain("*read-only*")
  })
})
