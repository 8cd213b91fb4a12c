import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { SimFault } from "../../src/simulator/index.js"
import { buttonsOf, expectNothingRaw } from "../support/blockKit.js"
import { expectBotStillUp } from "../support/faultChecks.js"
import type { FakeSlackCall } from "../support/fakeSlack.js"
import { commandReply, linkAccounts, readable, startWorld, type World } from "../support/world.js"

/**
 * Scalingo misbehaving on every route the operating commands use: a sentence every time (never a
 * stack, raw JSON or an apology), never a change sent twice, and the bot stays up.
 */

const APOLOGY = /Sorry, something went wrong/

interface Read {
  readonly name: string
  readonly command: string
  readonly fault: Pick<SimFault, "host" | "method" | "path">
}

const READS: ReadonlyArray<Read> = [
  { name: "info: the formation", command: "info alice-web", fault: { path: "/v1/apps/alice-web/containers" } },
  { name: "info: the last deployment", command: "info alice-web", fault: { path: "/v1/apps/alice-web/deployments" } },
  { name: "scale: the sizes", command: "scale alice-web web:3", fault: { path: "/v1/features/container_sizes" } },
  {
    name: "scale: the autoscalers",
    command: "scale alice-web web:3",
    fault: { path: "/v1/apps/alice-web/autoscalers" }
  },
  { name: "deployments: the list", command: "deployments bob-blog", fault: { path: "/v1/apps/bob-blog/deployments" } },
  { name: "logs: the logs URL", command: "logs alice-web", fault: { path: "/v1/apps/alice-web/logs" } },
  { name: "logs: the logs host", command: "logs alice-web", fault: { host: "logs" } }
]

const KINDS: ReadonlyArray<{ readonly name: string; readonly fault: Omit<SimFault, "host" | "method" | "path"> }> = [
  { name: "503 twice, then recovers", fault: { status: 503, times: 2 } },
  { name: "500 to everything", fault: { status: 500 } },
  { name: "every connection reset", fault: { reset: true } },
  { name: "malformed JSON", fault: { malformedJson: true } }
]

describe("when Scalingo misbehaves on the operating routes", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld({ simulator: { requestsPerMinute: 10_000, operationDurationMs: 300 } })
    await linkAccounts(world, { "U-ALICE": "alice", "U-BOB": "bob" })
    // Warm each account's app directory and bearer, so a command touches the faulty route itself.
    await commandReply(world, "apps", { userId: "U-ALICE" })
    await commandReply(world, "apps", { userId: "U-BOB" })
  })
  afterAll(async () => {
    await world?.close()
  })

  const answerTo = async (command: string, userId: string) => {
    const responseUrl = world.slack.responseUrl()
    const since = world.slack.calls.length
    await world.command(command, { userId, channelId: "C-FAULTS", responseUrl })
    const reply = await world.slack.waitFor(
      (r) =>
        (r.kind === "response" && r.id === responseUrl.split("/").pop()) ||
        (r.kind === "call" &&
          r.method === "chat.postMessage" &&
          world.slack.calls.indexOf(r as FakeSlackCall) >= since &&
          (r as FakeSlackCall).params.thread_ts !== undefined),
      { timeoutMs: 30_000 }
    )
    return readable(reply.kind === "response" ? (reply as { body: unknown }).body : (reply as FakeSlackCall).params)
  }

  for (const kind of KINDS) {
    describe(kind.name, () => {
      for (const read of READS) {
        it(`${read.name}: the person reads a sentence`, async () => {
          world.sim.faults.add({ ...read.fault, ...kind.fault })
          try {
            const userId = read.command.includes("bob-") ? "U-BOB" : "U-ALICE"
            const text = await answerTo(read.command, userId)
            expect(text.length).toBeGreaterThan(0)
            expect(text).not.toMatch(APOLOGY)
            expectNothingRaw(text)
          } finally {
            world.sim.faults.clear()
          }
        }, 45_000)
      }
    })
  }

  /** A fresh account with one running app, so each change spends its own Scalingo budget. */
  let serial = 0
  const freshOwner = async () => {
    serial += 1
    const username = `ops${serial}`
    world.sim.createAccount({ username, regions: ["osc-fr1"] })
    world.sim.addApp(username, "osc-fr1", { name: `${username}-web`, lastDeployedAt: new Date().toISOString() })
    const userId = `U-OPS${serial}`
    await linkAccounts(world, { [userId]: username })
    return { userId, username, app: `${username}-web` }
  }

  const confirmAndClick = async (command: string, userId: string) => {
    const { body } = await commandReply(world, command, { userId, channelId: "C-FAULTS" })
    const value = buttonsOf(body as never, "confirm_change")[0]?.value
    expect(value, readable(body)).toBeDefined()
    const responseUrl = world.slack.responseUrl()
    await world.click({
      actionId: "confirm_change",
      value: value!,
      userId,
      channelId: "C-FAULTS",
      responseUrl,
      container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000777", channel_id: "C-FAULTS" }
    })
    const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
      timeoutMs: 30_000
    })
    return readable((reply as { body: unknown }).body)
  }

  for (const verb of ["restart", "scale"] as const) {
    for (const kind of KINDS.slice(1)) {
      it(`a ${verb} whose POST meets "${kind.name}" is sent once and says what is known`, async () => {
        const owner = await freshOwner()
        const path = `/v1/apps/${owner.app}/${verb}`
        const command = verb === "restart" ? `restart ${owner.app}` : `scale ${owner.app} web:2`
        const before = world.sim.requests.filter((r) => r.method === "POST" && r.path === path).length
        world.sim.faults.add({ method: "POST", path, ...kind.fault })
        try {
          const text = await confirmAndClick(command, owner.userId)
          expect(world.sim.requests.filter((r) => r.method === "POST" && r.path === path).length - before).toBe(1)
          // A restart's answer has no body to read: a garbled one still means Scalingo accepted it.
          const expected =
            verb === "restart" && kind.fault.malformedJson === true
              ? /Confirmed/
              : /may or may not have happened|does not understand|could not be sent/
          expect(text).toMatch(expected)
          expect(text).not.toMatch(APOLOGY)
        } finally {
          world.sim.faults.clear()
        }
      }, 45_000)
    }
  }

  it("an operation whose reads fail is followed until Scalingo answers, and its end is still shown", async () => {
    const owner = await freshOwner()
    world.sim.faults.add({
      method: "GET",
      path: new RegExp(`/v1/apps/${owner.app}/operations/`),
      status: 500,
      times: 3
    })
    await confirmAndClick(`restart ${owner.app}`, owner.userId)
    await world.slack.waitFor(
      (r) =>
        r.kind === "call" && r.method === "chat.update" && readable((r as FakeSlackCall).params).includes("done in"),
      { timeoutMs: 30_000 }
    )
  })

  it("an operation status Scalingo never documented ends the message with it, as a failure", async () => {
    const owner = await freshOwner()
    world.sim.planNextOperation(owner.username, "osc-fr1", owner.app, { finalStatus: "exploded" })
    await confirmAndClick(`restart ${owner.app}`, owner.userId)
    await world.slack.waitFor(
      (r) =>
        r.kind === "call" && r.method === "chat.update" && readable((r as FakeSlackCall).params).includes("exploded"),
      { timeoutMs: 30_000 }
    )
  })

  it("after all of it the bot is up, and nothing it sent to Slack was raw", async () => {
    await expectBotStillUp(world)
    for (const call of world.slack.calls) expectNothingRaw(readable(call.params))
  })
})
