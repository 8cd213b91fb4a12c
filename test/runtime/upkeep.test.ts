import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { expect, it } from "@effect/vitest"
import { Context, Effect, Layer, Option, TestClock } from "effect"
import { changeKinds } from "../../src/commands/changeKinds.js"
import { askToConfirm } from "../../src/runtime/changes/confirmation.js"
import { ChangeUpkeepLive, UpkeepTimings } from "../../src/runtime/changes/upkeep.js"
import type { SlashInvocation } from "../../src/runtime/interaction/Interaction.js"
import { Conversation, type Origin, Replies } from "../../src/runtime/replies/Replies.js"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import { PendingChanges } from "../../src/storage/PendingChanges.js"
import { buttonValue, messageOf, textOf } from "../support/commandKit.js"
import { newKey, openStorage } from "../storage/storageFixtures.js"

const QUESTION_URL = "https://hooks.slack.com/commands/T0001/1/question"
const alice = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const invocation: SlashInvocation = {
  person: alice,
  command: "/scalingo",
  receivedAt: 0,
  channelId: "C-OPS",
  text: "restart acme-web",
  triggerId: "trigger",
  responseUrl: QUESTION_URL
}

const tempDatabase = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "bot-upkeep-"))),
  (folder) => Effect.sync(() => fs.rmSync(folder, { recursive: true, force: true }))
).pipe(Effect.map((folder) => path.join(folder, "bot.sqlite")))

type Shown = Array<{ readonly origin: Origin; readonly reply: Reply }>

/** Real SQLite, the upkeep running under the test clock, and a restart asked from a slash command. */
const askedWithUpkeep = (timings?: typeof UpkeepTimings.Service) =>
  Effect.gen(function* () {
    const storage = yield* openStorage(yield* tempDatabase, { keys: newKey(), resealEvery: "30 days" })
    const shown: Shown = []
    const replies = Layer.succeed(Replies, {
      show: (origin: Origin, reply: Reply) =>
        Effect.sync(() => {
          shown.push({ origin, reply })
          return {}
        })
    })
    const upkeep = ChangeUpkeepLive.pipe(Layer.provide(replies), Layer.provide(Layer.succeedContext(storage)))
    yield* Layer.build(
      timings === undefined ? upkeep : upkeep.pipe(Layer.provide(Layer.succeed(UpkeepTimings, timings)))
    )
    const conversation = Layer.succeed(Conversation, {
      origin: { person: alice, responseUrl: QUESTION_URL },
      show: () => Effect.succeed({})
    })
    const question = yield* askToConfirm(
      invocation,
      changeKinds,
      { _tag: "Restart", scope: [], formation: [{ name: "web", amount: 2, size: "M" }] },
      { app: "acme-web", region: "osc-fr1" }
    ).pipe(Effect.provide(Layer.merge(conversation, Layer.succeedContext(storage))))
    const changeId = JSON.parse(buttonValue(messageOf(question)!, "confirm_change")!) as string
    return { shown, pending: Context.get(storage, PendingChanges), changeId }
  })

it.scoped("a confirmation left 10 minutes says it expired without anyone clicking (the clock moved, not waited)", () =>
  Effect.gen(function* () {
    const { shown, pending, changeId } = yield* askedWithUpkeep()
    yield* TestClock.adjust("9 minutes")
    expect(shown).toEqual([])
    yield* TestClock.adjust("1 minute")
    yield* TestClock.adjust("5 seconds")
    expect(shown).toHaveLength(1)
    const [edited] = shown
    expect(edited?.origin.responseUrl).toBe(QUESTION_URL)
    expect(edited?.reply).toMatchObject({ _tag: "Private", replace: true })
    expect(textOf(messageOf(edited!.reply)!)).toContain("expired after 10 minutes")
    expect(Option.getOrThrow(yield* pending.find(alice.teamId, changeId)).status).toBe("expired")
    // Told once: later passes find nothing more to expire.
    yield* TestClock.adjust("1 minute")
    expect(shown).toHaveLength(1)
  })
)

it.scoped("old changes are pruned on the hourly schedule once a day past their expiry", () =>
  Effect.gen(function* () {
    const { pending, changeId } = yield* askedWithUpkeep({ expireEvery: "1 day", pruneEvery: "1 hour" })
    yield* TestClock.adjust("24 hours")
    expect(Option.isSome(yield* pending.find(alice.teamId, changeId))).toBe(true)
    yield* TestClock.adjust("1 hour")
    expect(yield* pending.find(alice.teamId, changeId)).toEqual(Option.none())
  })
)
