// Issue 16 (also-check): a confirmation recorded but never sent (the bot stopped between recording the
// click and sending the change) must not be called sent when someone clicks again: it is unknown.
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ChangeId } from "../../../src/runtime/changes/confirmationView.js"
import { PendingChanges } from "../../../src/storage/PendingChanges.js"
import { buttonValue, type CommandKit, messageOf, startCommandKit, textOf } from "../../support/commandKit.js"

const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }

describe("a confirmation recorded but never sent", () => {
  let kit: CommandKit
  beforeAll(async () => {
    kit = await startCommandKit({ simulator: { operationDurationMs: 300 } })
    await kit.link("U-ALICE", "alice")
  })
  afterAll(() => kit?.close())

  it("a later click hears that whether it reached Scalingo is unknown, never that it was sent", async () => {
    const question = (await kit.slash("restart alice-web web", { userId: "U-ALICE" })).find(
      (r) => r.reply._tag === "Private"
    )
    const value = buttonValue(messageOf(question!.reply)!, "confirm_change")!
    const id = Option.getOrThrow(ChangeId.decode(value))
    // The click is recorded, then the bot stops before sending: nothing reaches Scalingo.
    await kit.run(Effect.flatMap(PendingChanges, (pending) => pending.confirm("T0001", id, "U-ALICE")))
    const [again] = await kit.click("confirm_change", value, { person: alice })
    const said = textOf(messageOf(again!.reply)!)
    expect(said).not.toContain("sent only once")
    expect(said).toContain("not known whether it reached Scalingo")
  })
})
