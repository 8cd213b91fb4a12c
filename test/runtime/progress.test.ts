import { expect, it } from "@effect/vitest"
import { Effect, Layer, Ref, TestClock } from "effect"
import { Background } from "../../src/Background.js"
import { followInBackground, type Progress } from "../../src/runtime/changes/progress.js"
import { progressMessage } from "../../src/runtime/changes/progressView.js"
import { Conversation } from "../../src/runtime/replies/Replies.js"
import type { Reply } from "../../src/runtime/replies/Reply.js"
import { textOf } from "../support/commandKit.js"

const words = { emoji: ":arrows_counterclockwise:", ongoing: "restarting", done: "restarted", noun: "restart" }

/** The channel message's edits, each with the virtual time it was made at. */
const recordingConversation = (edits: Array<{ readonly at: number; readonly text: string }>) =>
  Layer.succeed(
    Conversation,
    Conversation.of({
      origin: { person: { teamId: "T1", userId: "U1", userName: "u" } },
      show: (reply: Reply) =>
        Effect.flatMap(TestClock.currentTimeMillis, (at) =>
          Effect.sync(() => {
            if (reply._tag === "Update") edits.push({ at, text: textOf(reply.message) })
            return {}
          })
        )
    })
  )

it.scoped(
  "a 25 s restart edits its message at least every 10 s with its phase and elapsed time, done only at the end",
  () =>
    Effect.gen(function* () {
      const edits: Array<{ readonly at: number; readonly text: string }> = []
      const reads = yield* Ref.make(0)
      // Scalingo: queued for 4 s, then running until 25 s, then done.
      const poll = Effect.flatMap(TestClock.currentTimeMillis, (now) =>
        Ref.updateAndGet(reads, (n) => n + 1).pipe(
          Effect.as<Progress>(
            now < 4_000
              ? { _tag: "Running", status: "pending" }
              : now < 25_000
                ? { _tag: "Running", status: "running" }
                : { _tag: "Done", seconds: 25 }
          )
        )
      )
      yield* followInBackground({
        channel: "C1",
        ts: "1.1",
        poll,
        render: (progress) => progressMessage(words, "U1", "`web` of `acme`", "`/scalingo info acme`", progress)
      }).pipe(Effect.provide(recordingConversation(edits)))
      for (let second = 0; second < 30; second++) yield* TestClock.adjust("1 second")

      const running = edits.filter((edit) => edit.text.includes("is restarting"))
      expect(running.some((edit) => edit.text.includes("Scalingo is on it; not done yet"))).toBe(true)
      // Alive: from the post (t = 0) to the end, never more than 10 s without an edit, each showing the time so far.
      const times = [0, ...edits.map((edit) => edit.at)]
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(10_000)
      expect(running.every((edit) => /\(\d+s so far\)/.test(edit.text))).toBe(true)
      expect(running.length).toBeGreaterThanOrEqual(3)
      // No done mark before Scalingo said done, and the last edit says done.
      expect(running.every((edit) => !edit.text.includes(":white_check_mark:"))).toBe(true)
      expect(edits.at(-1)?.text).toContain(":white_check_mark:")
      expect(edits.at(-1)?.at).toBeGreaterThanOrEqual(25_000)
      // Reads stay spaced (every 2 s), edits fewer than reads.
      expect(yield* Ref.get(reads)).toBeLessThanOrEqual(15)
    }).pipe(Effect.provide(Background.layer))
)
