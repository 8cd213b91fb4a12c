// Commands waiting out Slack's rate limit for one channel give their work turn back meanwhile: a flood of
// them never holds every turn, so another person's command in another channel is served while they wait.
import { Effect, Fiber } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SlackWeb } from "../../src/slack/SlackWeb.js"
import { makeWorkTurns, WorkConcurrency } from "../../src/slack/WorkTurns.js"
import { type FakeSlack, startFakeSlack } from "../support/fakeSlack.js"
import { type SlackWebRuntime, startSlackWebRuntime } from "../support/slackWebRuntime.js"

const TURNS = 4
const message = (text: string) => ({
  text,
  blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }]
})

describe("work turns under a channel's rate limit", () => {
  let slack: FakeSlack
  let web: SlackWebRuntime
  beforeAll(async () => {
    slack = await startFakeSlack()
    const policy = {
      retries: 2,
      factor: 2,
      minTimeout: 20,
      maxTimeout: 100,
      requestTimeoutMs: 2_000,
      maxWaitMs: 5_000,
      triggerLifeMs: 2_500
    }
    web = await startSlackWebRuntime({ apiUrl: slack.apiUrl, token: "xoxb-turns-test", team: "T0001", policy })
  })
  afterAll(async () => {
    await web?.close()
    await slack?.close()
  })

  it("twice as many commands as turns waiting on one channel's 429 leave a turn for another channel", async () => {
    slack.fail("chat.postMessage", { status: 429, retryAfterSeconds: 2, times: 1, channel: "CHOT" })
    const post = (channel: string, text: string) =>
      Effect.flatMap(SlackWeb, (teams) => teams.forTeam("T0001").postMessage({ channel, message: message(text) }))
    const program = Effect.gen(function* () {
      const work = yield* makeWorkTurns()
      const first = yield* Effect.fork(work.inTurn(post("CHOT", "hot 0")))
      // The first post meets the 429 and pauses the channel; the others find it paused and wait.
      yield* Effect.promise(() => slack.waitForCall("chat.postMessage", (c) => c.params.channel === "CHOT"))
      yield* Effect.sleep("150 millis")
      const hot = yield* Effect.forEach(
        Array.from({ length: 2 * TURNS }, (_, i) => i + 1),
        (i) => Effect.fork(work.inTurn(post("CHOT", `hot ${i}`))),
        { concurrency: "unbounded" }
      )
      yield* Effect.sleep("100 millis")
      const calm = yield* Effect.fork(work.inTurn(post("CCALM", "someone else")))
      yield* Fiber.join(calm)
      const hotDoneWhenCalmServed = slack.calls.filter(
        (c) => c.method === "chat.postMessage" && c.params.channel === "CHOT"
      ).length
      yield* Fiber.joinAll([first, ...hot])
      return hotDoneWhenCalmServed
    }).pipe(Effect.provideService(WorkConcurrency, TURNS))
    const hotDoneWhenCalmServed = await web.runtime.runPromise(program)
    // Only the first (limited) hot post had gone out when the calm channel's post was served: it did not
    // wait for the pause to end; then every hot post was delivered once the pause was over.
    expect(hotDoneWhenCalmServed).toBe(1)
    const hotPosts = [...slack.messages.values()].filter((m) => m.channel === "CHOT")
    expect(hotPosts).toHaveLength(2 * TURNS + 1)
  })
})
