import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CommandKit, messageOf, startCommandKit, textOf } from "../support/commandKit.js"

const onlyText = async (kit: CommandKit, text: string, userId: string) => {
  const shown = await kit.slash(text, { userId })
  expect(shown).toHaveLength(1)
  expect(shown[0]!.reply._tag).toBe("Private")
  return textOf(messageOf(shown[0]!.reply)!)
}

describe("login, whoami, logout (in-process)", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit()
  })
  afterAll(() => kit?.close())

  it("whoami before linking says how to link", async () => {
    expect(await onlyText(kit, "whoami", "U-NEW")).toContain("/scalingo login")
  })

  it("`login` alone opens the token form, remembering where it was typed", async () => {
    const [shown] = await kit.slash("login", { userId: "U-NEW", channelId: "C0042" })
    expect(shown?.reply._tag).toBe("OpenModal")
    const view = (shown!.reply as { view: { callback_id?: string; private_metadata?: string } }).view
    expect(view.callback_id).toBe("login")
    expect(view.private_metadata).toContain("C0042")
  })

  it("`login <token>` links the account and whoami then names it privately", async () => {
    expect(await onlyText(kit, `login ${kit.sim.accounts.alice!.apiToken}`, "U-ALICE")).toContain("alice")
    const who = await onlyText(kit, "whoami", "U-ALICE")
    expect(who).toContain("alice")
    expect(who).toContain("alice@example.com")
  })

  it("a token of the wrong shape is refused without asking Scalingo", async () => {
    const mark = kit.sim.requests.length
    expect(await onlyText(kit, "login not-a-token", "U-NEW")).toContain("does not look like a Scalingo API token")
    expect(kit.sim.requests.length).toBe(mark)
  })

  it("a token Scalingo rejects stores nothing", async () => {
    const text = await onlyText(kit, `login tk-us-${"z".repeat(48)}`, "U-NEW")
    expect(text).toContain("rejected")
    expect(await onlyText(kit, "whoami", "U-NEW")).toContain("have not linked")
  })

  it("logout forgets the token; a second logout says there was none", async () => {
    await kit.link("U-BOB", "bob")
    expect(await onlyText(kit, "logout", "U-BOB")).toContain("forgotten")
    expect(await onlyText(kit, "logout", "U-BOB")).toContain("had no Scalingo account")
  })

  it("the login form's submission links in time and confirms privately where `login` was typed", async () => {
    const { ack, replies } = await kit.submit("login", {
      person: { teamId: "T0001", userId: "U-CAROL", userName: "carol" },
      privateMetadata: JSON.stringify({ c: "C0042", r: "https://hooks.slack.com/commands/T0001/2/r" }),
      values: { token: { token: { value: kit.sim.accounts.carol!.apiToken } } }
    })
    expect(ack).toMatchObject({ response_action: "update" })
    await kit.settle()
    const confirmation = kit.replies.slice(kit.replies.length - 1)[0] ?? replies[0]
    expect(confirmation?.reply._tag).toBe("Private")
    expect(confirmation?.origin.responseUrl).toBe("https://hooks.slack.com/commands/T0001/2/r")
  })

  it("a submitted token of the wrong shape is refused inline, under the field", async () => {
    const { ack } = await kit.submit("login", { values: { token: { token: { value: "nope" } } } })
    expect(ack).toMatchObject({ response_action: "errors", errors: { token: expect.stringContaining("tk-us-") } })
  })
})
