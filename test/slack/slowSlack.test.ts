// Slack that acts but answers late: a post is never sent a second time after an answer that did not come
// (a timeout, a 5xx), so the message shows once; an edit or a read is retried, and a 429 (Slack did nothing)
// is waited out and sent again. Clocks are shortened through SlackRetryPolicy.
import { Effect, Either } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type SlackApiError,
  type SlackRetryPolicyValues,
  SlackWeb,
  type SlackWebService
} from "../../src/slack/SlackWeb.js"
import { type SlackWebRuntime, startSlackWebRuntime } from "../support/slackWebRuntime.js"
import { type FakeSlack, startFakeSlack } from "../support/fakeSlack.js"

const POLICY: SlackRetryPolicyValues = {
  retries: 2,
  factor: 2,
  minTimeout: 20,
  maxTimeout: 100,
  requestTimeoutMs: 300,
  maxWaitMs: 3_000,
  triggerLifeMs: 2_500
}
const LATE = 700
const message = (text: string) => ({
  text,
  blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }]
})

describe("a slow Slack answer", () => {
  let slack: FakeSlack
  let web: SlackWebRuntime
  beforeAll(async () => {
    slack = await startFakeSlack()
    web = await startSlackWebRuntime({
      apiUrl: slack.apiUrl,
      token: "xoxb-slow-slack-test",
      team: "T0001",
      policy: POLICY
    })
  })
  afterAll(async () => {
    await web?.close()
    await slack?.close()
  })

  const use = <A>(f: (web: SlackWebService) => Effect.Effect<A, SlackApiError>) =>
    web.runtime.runPromise(Effect.either(Effect.flatMap(SlackWeb, (teams) => f(teams.forTeam("T0001")))))
  const shownIn = (channel: string) => [...slack.messages.values()].filter((m) => m.channel === channel)
  /** Lets any attempt still in flight (or a retry after it) reach the fake before counting. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, LATE + 300))

  it("a message Slack posted but answered after the timeout shows once; the caller hears it may be there", async () => {
    slack.fail("chat.postMessage", { lateAnswerMs: LATE, times: 1, channel: "CSLOW" })
    const posted = await use((web) => web.postMessage({ channel: "CSLOW", message: message("crash alert") }))
    await settle()
    expect(posted).toEqual(Either.left(expect.objectContaining({ code: "timeout", maybeActed: true })))
    expect(shownIn("CSLOW").map((m) => m.text)).toEqual(["crash alert"])
  })

  it("an ephemeral, a response_url answer and a file completion answered late show once each", async () => {
    slack.fail("chat.postEphemeral", { lateAnswerMs: LATE, times: 1, channel: "CEPH" })
    await use((web) => web.postEphemeral({ channel: "CEPH", user: "U1", message: message("just you") }))
    slack.fail("response_url", { lateAnswerMs: LATE, times: 1 })
    const url = slack.responseUrl({ channel: "CRESP" })
    await use((web) => web.respond(url, { message: message("answer") }))
    slack.fail("files.completeUploadExternal", { lateAnswerMs: LATE, times: 1, channel: "CFILE" })
    await use((web) => web.uploadFile({ channel: "CFILE", filename: "logs.txt", content: "line" }))
    await settle()
    expect(shownIn("CEPH")).toHaveLength(1)
    expect(shownIn("CRESP")).toHaveLength(1)
    expect(slack.calls.filter((c) => c.method === "files.completeUploadExternal")).toHaveLength(1)
  })

  it("a post answered with a 500 is not sent again; one answered with a 429 is, after Retry-After", async () => {
    slack.fail("chat.postMessage", { status: 500, times: 1, channel: "C500" })
    const busy = await use((web) => web.postMessage({ channel: "C500", message: message("x") }))
    expect(busy).toEqual(Either.left(expect.objectContaining({ code: "http_500", maybeActed: true })))
    expect(slack.calls.filter((c) => c.method === "chat.postMessage" && c.params.channel === "C500")).toHaveLength(1)
    slack.fail("chat.postMessage", { status: 429, retryAfterSeconds: 0, times: 1, channel: "C429" })
    expect(Either.isRight(await use((web) => web.postMessage({ channel: "C429", message: message("y") })))).toBe(true)
    expect(shownIn("C429")).toHaveLength(1)
  })

  it("an edit or a read answered late is tried again and succeeds", async () => {
    const posted = Either.getOrThrow(await use((web) => web.postMessage({ channel: "CEDIT", message: message("v1") })))
    slack.fail("chat.update", { lateAnswerMs: LATE, times: 1, channel: "CEDIT" })
    const edit = await use((web) => web.update({ channel: "CEDIT", ts: posted.ts, message: message("v2") }))
    expect(Either.isRight(edit)).toBe(true)
    expect(slack.calls.filter((c) => c.method === "chat.update")).toHaveLength(2)
    expect(shownIn("CEDIT").map((m) => m.text)).toEqual(["v2"])
  })
})
