// Retry-After as an HTTP date, through the real HttpClient: the fake Slack and a loopback Scalingo region
// answer 429 with a date, and both clients wait until it before trying again (not their ~50 ms backoff).
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { afterAll, beforeAll } from "vitest"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { type SlackApiError, SlackWeb, type SlackWebService } from "../../src/slack/SlackWeb.js"
import { scriptedServer } from "../scalingo/observe.js"
import { accountOf, clientLayer, oneRegionAt, simulator } from "../scalingo/scalingoTestKit.js"
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from "../support/fakeSlack.js"
import { type SlackWebRuntime, startSlackWebRuntime } from "../support/slackWebRuntime.js"

/** An IMF-fixdate `seconds` from now; whole seconds, so the wait it asks for is between seconds-1 and seconds. */
const httpDateIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toUTCString()

describe("Slack's Retry-After as an HTTP date", () => {
  let slack: FakeSlack
  let web: SlackWebRuntime
  beforeAll(async () => {
    slack = await startFakeSlack()
    const policy = { retries: 2, factor: 2, minTimeout: 50, maxTimeout: 200, requestTimeoutMs: 2_000 }
    web = await startSlackWebRuntime({
      apiUrl: slack.apiUrl,
      token: "xoxb-retry-after-test-token",
      team: "T0001",
      policy: { ...policy, maxWaitMs: 5_000, triggerLifeMs: 2_500 }
    })
  })
  afterAll(async () => {
    await web?.close()
    await slack?.close()
  })
  const use = <A>(f: (web: SlackWebService) => Effect.Effect<A, SlackApiError>) =>
    web.runtime.runPromise(Effect.either(Effect.flatMap(SlackWeb, (teams) => f(teams.forTeam("T0001")))))
  const callsTo = (method: string, channel: string): Array<FakeSlackCall> =>
    slack.calls.filter((c) => c.method === method && c.params.channel === channel)
  const message = (text: string) => ({
    text,
    blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }]
  })

  it("a 429 saying to come back at a date two seconds away is retried no sooner, and delivered", async () => {
    slack.fail("chat.postMessage", { status: 429, retryAfter: httpDateIn(2), times: 1, channel: "CDATE" })
    const posted = await use((web) => web.postMessage({ channel: "CDATE", message: message("x") }))
    expect(Either.isRight(posted)).toBe(true)
    const [limited, retried] = callsTo("chat.postMessage", "CDATE")
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(900)
  })

  it("a 429 with a date past the call's patience fails at once, saying how long Slack asked to wait", async () => {
    slack.fail("chat.postMessage", { status: 429, retryAfter: httpDateIn(31), times: 1, channel: "CFAR" })
    const posted = await use((web) => web.postMessage({ channel: "CFAR", message: message("x") }))
    expect(posted).toEqual(Either.left(expect.objectContaining({ code: "ratelimited" })))
    const seconds = Either.isLeft(posted) ? posted.left.retryAfterSeconds : undefined
    expect(seconds).toBeGreaterThanOrEqual(30)
    expect(seconds).toBeLessThanOrEqual(31)
    expect(callsTo("chat.postMessage", "CFAR")).toHaveLength(1)
  })
})

describe("Scalingo's Retry-After as an HTTP date", () => {
  it.scopedLive("a read answered 429 with a date two seconds away is tried again no sooner", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const region = yield* scriptedServer([
        { status: 429, headers: () => ({ "retry-after": httpDateIn(2) }), body: "Retry later" },
        { status: 200, body: JSON.stringify({ apps: [] }) }
      ])
      sim.faults.add(oneRegionAt(region.url))
      const apps = yield* Effect.flatMap(AppsApi, (api) => api.list(accountOf(sim, "alice"), "osc-fr1")).pipe(
        Effect.provide(clientLayer(sim))
      )
      expect(apps).toEqual([])
      expect(region.arrivals).toHaveLength(2)
      // The backoff alone would have waited ~20 ms.
      expect(region.arrivals[1]!.at - region.arrivals[0]!.at).toBeGreaterThanOrEqual(900)
    })
  )
})
