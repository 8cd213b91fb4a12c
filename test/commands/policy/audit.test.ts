import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditRecords } from "../../../src/storage/AuditRecords.js"
import {
  type CommandKit,
  messageOf,
  startCommandKit,
  buttonValue,
  joinedTexts,
  person
} from "../../support/commandKit.js"

describe("the audit trail (in-process)", () => {
  let kit: CommandKit
  const records = (teamId = "T0001") =>
    kit.run(Effect.flatMap(AuditRecords, (audit) => audit.list(teamId, {}, 1, 100))).then((page) => page.records)
  const confirm = async (userId: string, text: string, actionId = "confirm_change") => {
    // Progress of earlier changes may be recorded meanwhile: the question is the private answer.
    const question = (await kit.slash(text, { userId })).find((r) => r.reply._tag === "Private")
    const id = buttonValue(messageOf(question!.reply)!, actionId)
    expect(id, joinedTexts([question!])).toBeDefined()
    return kit.click(actionId, id!, { person: person(userId) })
  }

  beforeAll(async () => {
    kit = await startCommandKit({ workspaceAdmins: ["T0001/U-ADMIN"], simulator: { operationDurationMs: 200 } })
    await kit.link("U-ALICE", "alice")
    await kit.link("U-ERIN", "erin")
  })
  afterAll(() => kit?.close())

  it("a login is recorded, with no token anywhere in the record", async () => {
    const logins = (await records()).filter((r) => r.action === "login")
    expect(logins.map((r) => [r.slackUserId, r.outcome])).toEqual(
      expect.arrayContaining([
        ["U-ALICE", "done"],
        ["U-ERIN", "done"]
      ])
    )
    expect(JSON.stringify(await records())).not.toMatch(/tk-us-/)
  })

  it("a restart: recorded before it is sent, completed done with Scalingo's operation id, and logged", async () => {
    await confirm("U-ALICE", "restart alice-web web")
    const restart = (await records()).find((r) => r.action === "restart")!
    expect(restart).toMatchObject({
      slackUserId: "U-ALICE",
      scalingoUser: "alice",
      app: "alice-web",
      region: "osc-fr1",
      channelId: "C0001",
      outcome: "done"
    })
    expect(restart.scalingoRef).toMatch(/^[A-Za-z0-9_-]+$/)
    const lines = kit.logs.filter((l) => l.message === "audit record" && l.annotations.audit_id === restart.id)
    expect(lines.map((l) => l.annotations.audit_outcome)).toEqual(["pending", "done"])
    expect(lines[1]?.annotations).toMatchObject({ audit_action: "restart", audit_outcome: "done", app: "alice-web" })
    await kit.settle()
  })

  it("a restart whose answer was lost is recorded with outcome unknown", async () => {
    kit.sim.faults.add({ method: "POST", path: "/v1/apps/alice-web/restart", reset: true, times: 1 })
    const answer = await confirm("U-ALICE", "restart alice-web worker")
    expect(joinedTexts(answer)).toContain("may or may not have happened")
    const lost = (await records()).find((r) => r.action === "restart" && r.details !== null && r.outcome !== "done")
    expect(lost).toMatchObject({ outcome: "unknown", errorTag: "ScalingoUnavailable" })
  })

  it("a scale Scalingo refuses (a limited collaborator) is recorded failed with the error's tag", async () => {
    const answer = await confirm("U-ERIN", "scale alice-web web:3")
    expect(joinedTexts(answer)).toContain("your role on the app does not allow it")
    const scale = (await records()).find((r) => r.action === "scale" && r.slackUserId === "U-ERIN")
    expect(scale).toMatchObject({ outcome: "failed", errorTag: "Forbidden", scalingoUser: "erin" })
  })

  it("create, a policy change and logout are recorded too, each with its outcome", async () => {
    await kit.submit("create_app", {
      person: person("U-ALICE"),
      privateMetadata: JSON.stringify({ c: "C0001", g: [] }),
      values: {
        name: { name: { value: "alice-audited" } },
        region: { region: { selected_option: { value: "osc-fr1" } } }
      }
    })
    await kit.settle()
    await kit.slash("policy allow restart", { userId: "U-ADMIN", channelId: "C-AUDITED" })
    await kit.slash("logout", { userId: "U-NEVER-LINKED" })
    await kit.link("U-LEAVING", "bob")
    await kit.slash("logout", { userId: "U-LEAVING" })
    const all = await records()
    expect(all.find((r) => r.action === "create")).toMatchObject({
      app: "alice-audited",
      region: "osc-fr1",
      channelId: "C0001",
      scalingoUser: "alice",
      outcome: "done",
      scalingoRef: expect.any(String)
    })
    expect(all.find((r) => r.action === "policy")).toMatchObject({
      slackUserId: "U-ADMIN",
      channelId: "C-AUDITED",
      outcome: "done",
      details: { set: "allow", actions: ["restart"], before: "all" }
    })
    expect(all.find((r) => r.action === "logout")).toMatchObject({
      slackUserId: "U-LEAVING",
      scalingoUser: "bob",
      outcome: "done"
    })
    expect(all.filter((r) => r.slackUserId === "U-NEVER-LINKED")).toEqual([])
  })

  it("subscribe and unsubscribe are recorded with who, which account and the app; a refused one failed", async () => {
    await kit.slash("subscribe alice-web crashes", { userId: "U-ALICE", channelId: "C-WATCH" })
    await kit.slash("unsubscribe alice-web", { userId: "U-ALICE", channelId: "C-WATCH" })
    await kit.slash("subscribe erin-api", { userId: "U-ALICE", channelId: "C-WATCH" })
    const watching = (await records()).filter((r) => r.action === "subscribe" || r.action === "unsubscribe")
    expect(watching.map((r) => [r.action, r.app, r.outcome, r.channelId]).reverse()).toEqual([
      ["subscribe", "alice-web", "done", "C-WATCH"],
      ["unsubscribe", "alice-web", "done", "C-WATCH"],
      ["subscribe", "erin-api", "failed", "C-WATCH"]
    ])
    expect(watching.find((r) => r.action === "subscribe")).toMatchObject({
      slackUserId: "U-ALICE",
      scalingoUser: "alice"
    })
    // Unsubscribing a channel that follows nothing changes nothing, so it leaves no record.
    await kit.slash("unsubscribe alice-web", { userId: "U-ALICE", channelId: "C-WATCH" })
    expect((await records()).filter((r) => r.action === "unsubscribe")).toHaveLength(1)
  })

  it("an admin's `audit` shows everyone's records; anyone else's only their own; `audit <app>` filters", async () => {
    const byAdmin = joinedTexts(await kit.slash("audit", { userId: "U-ADMIN" }))
    expect(byAdmin).toContain("in this workspace")
    expect(byAdmin).toContain("<@U-ALICE>")
    expect(byAdmin).toContain("<@U-ERIN>")
    const byErin = joinedTexts(await kit.slash("audit", { userId: "U-ERIN" }))
    expect(byErin).toContain("Your changes")
    expect(byErin).toContain("<@U-ERIN>")
    expect(byErin).not.toContain("<@U-ALICE>")
    const filtered = joinedTexts(await kit.slash("audit alice-web", { userId: "U-ADMIN" }))
    expect(filtered).toContain("`restart` `alice-web`")
    expect(filtered).not.toContain("`login`")
    expect(joinedTexts(await kit.slash("audit Not_An_App", { userId: "U-ADMIN" }))).toContain("Say an app's name")
  })

  it("pages are private and decided again for the clicker", async () => {
    for (let i = 0; i < 6; i += 1) {
      await kit.link("U-BOB", "bob")
      await kit.slash("logout", { userId: "U-BOB" })
    }
    expect((await records()).filter((r) => r.slackUserId === "U-BOB")).toHaveLength(12)
    const [first] = await kit.slash("audit", { userId: "U-BOB" })
    expect(first!.reply._tag).toBe("Private")
    const next = buttonValue(messageOf(first!.reply)!, "audit_page")!
    expect(next).toBeDefined()
    const [second] = await kit.click("audit_page", next, { person: person("U-BOB") })
    expect(joinedTexts([second!])).toContain("Page 2 of 2")
    const forged = await kit.click("audit_page", '{"p":"x"}', { person: person("U-BOB") })
    expect(joinedTexts(forged)).not.toContain("Page")
  })

  it("another workspace sees none of these records", async () => {
    const other = joinedTexts(await kit.slash("audit", { userId: "U-ADMIN", teamId: "T0002" }))
    expect(other).toContain("none yet")
    expect(await records("T0002")).toEqual([])
  })
})
