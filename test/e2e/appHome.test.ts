import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { FakeSlackCall } from "../support/fakeSlack.js"
import { appHomeOpened, sendEvent } from "../support/slackRequests.js"
import {
  commandReply,
  installWorkspace,
  linkAccounts,
  readable,
  SIGNING_SECRET,
  startWorld,
  type World
} from "../support/world.js"

/** The next views.publish for `userId` after the `mark`-th recorded call. */
const published = (world: World, userId: string, mark: number) =>
  world.slack.waitFor(
    (r) =>
      r.kind === "call" &&
      r.method === "views.publish" &&
      world.slack.calls.indexOf(r) >= mark &&
      r.params.user_id === userId,
    { timeoutMs: 10_000 }
  ) as Promise<FakeSlackCall>
const viewOf = (call: FakeSlackCall) =>
  (typeof call.params.view === "string" ? JSON.parse(call.params.view) : call.params.view) as {
    type: string
    blocks: Array<unknown>
  }

/** The App Home through the real bot: Events API on POST /slack/events, and Socket Mode. */
describe("the App Home (end to end)", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({ simulator: { requestsPerMinute: 1_000 } })
    // A second workspace the bot is also installed in (a channel shared with it, a person of the same id).
    await installWorkspace(world, "T0002")
    await linkAccounts(world, { "U-ALICE": "alice" })
  })
  afterAll(async () => {
    await world?.close()
  })

  const open = async (userId: string, teamId = "T0001") => {
    const since = world.slack.calls.length
    const reply = await sendEvent(world.bot.url, SIGNING_SECRET, appHomeOpened(userId, teamId))
    expect(reply.status).toBe(200)
    return viewOf(await published(world, userId, since))
  }

  it("echoes the Events API's url_verification challenge (signed like everything else)", async () => {
    const body = {
      token: "legacy",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification"
    }
    const reply = await sendEvent(world.bot.url, SIGNING_SECRET, body)
    expect(reply.status).toBe(200)
    expect(JSON.stringify(reply.body)).toContain(body.challenge)
    const forged = await sendEvent(world.bot.url, "not-the-secret", body)
    expect(forged.status).toBe(401)
  })

  it("publishes a Link button for an unlinked person, which opens the login form", async () => {
    const view = await open("U-NOBODY")
    expect(view.type).toBe("home")
    expect(readable(view)).toContain("You have not linked a Scalingo account")
    expect(JSON.stringify(view)).toContain('"action_id":"home_link"')
    expect(world.slack.homeViews.get("U-NOBODY")?.type).toBe("home")
    const since = Date.now()
    const home = world.slack.homeViews.get("U-NOBODY")!
    await world.click({ actionId: "home_link", value: "link", userId: "U-NOBODY", view: home })
    const opened = await world.slack.waitForCall("views.open", (c) => c.at >= since)
    expect(JSON.stringify(opened.params.view)).toContain('"callback_id":"login"')
  })

  it("the Messages tab publishes nothing", async () => {
    const before = world.slack.calls.filter((c) => c.method === "views.publish").length
    await sendEvent(world.bot.url, SIGNING_SECRET, appHomeOpened("U-ALICE", "T0001", "messages"))
    await new Promise((r) => setTimeout(r, 300))
    expect(world.slack.calls.filter((c) => c.method === "views.publish").length).toBe(before)
  })

  it("a linked person's Home shows their account, and a starred app with its status", async () => {
    expect(readable(await open("U-ALICE"))).toContain("You act as the Scalingo account *alice*")
    const since = world.slack.calls.length
    await world.click({ actionId: "run_command", value: "star alice-web", userId: "U-ALICE", channelId: "C-OPS" })
    await published(world, "U-ALICE", since)
    const view = await open("U-ALICE")
    expect(readable(view)).toContain("*alice-web* · :large_green_circle: running · `osc-fr1`")
    expect(JSON.stringify(view)).toContain('"value":"unstar alice-web"')
  })

  it("opening it a second time within a minute makes no Scalingo request", async () => {
    await open("U-ALICE")
    const before = world.sim.requests.length
    const view = await open("U-ALICE")
    expect(readable(view)).toContain("alice-web")
    expect(world.sim.requests.length).toBe(before)
  })

  it("a quick action on the Home (no channel, no response_url) answers in the person's direct message", async () => {
    await open("U-ALICE")
    const mark = world.slack.calls.length
    const home = world.slack.homeViews.get("U-ALICE")!
    await world.click({ actionId: "run_command", value: "info alice-web", userId: "U-ALICE", view: home })
    const card = (await world.slack.waitFor(
      (r) =>
        r.kind === "call" &&
        r.method === "chat.postMessage" &&
        world.slack.calls.indexOf(r) >= mark &&
        readable((r as FakeSlackCall).params).includes("alice-web: running"),
      { timeoutMs: 10_000 }
    )) as FakeSlackCall
    expect(card.params.channel).toBe(world.slack.dms.get("U-ALICE"))
  })

  it("a Home Slack refuses to publish (no such user) does not turn `unstar` into an apology", async () => {
    const { text } = await commandReply(world, "unstar alice-web", { userId: "" })
    expect(text).toContain("no longer starred")
    expect(text).not.toContain("went wrong")
  })

  it("another workspace's person of the same id sees nothing of this one's", async () => {
    const view = await open("U-ALICE", "T0002")
    expect(readable(view)).not.toContain("alice-web")
    expect(readable(view)).toContain("You have not linked a Scalingo account")
  })
})

describe("the App Home over Socket Mode", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({
      env: { SLACK_APP_TOKEN: "xapp-1-A0001-0000-socketmodetoken", SLACK_SIGNING_SECRET: "" }
    })
  })
  afterAll(async () => {
    await world?.close()
  })

  it("publishes the view for an app_home_opened envelope", async () => {
    const since = world.slack.calls.length
    const ack = await world.slack.sendEnvelope("events_api", appHomeOpened("U-SOCKET"), { timeoutMs: 10_000 })
    expect(ack.envelope_id).toBeTruthy()
    expect(readable(viewOf(await published(world, "U-SOCKET", since)))).toContain("Link my account")
  })
})
