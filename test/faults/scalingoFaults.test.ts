import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { SimFault } from "../../src/simulator/index.js"
import { expectNothingRaw } from "../support/blockKit.js"
import { expectBotStillUp, expectNothingRawReachedSlack, privateReply } from "../support/faultChecks.js"
import type { BodyKind } from "../support/scalingoAnswers.js"
import { CASES, type FaultCase, LIST_APPS, type Person, type Prepared, REGIONS } from "../support/scalingoFaultCases.js"
import { startWorld, type World } from "../support/world.js"

/**
 * Scalingo misbehaving on every route the commands use. Faults are matched by host, method and
 * path, so each wave arms one fault kind on every route at once and runs one case per route, each
 * with a fresh account whose caches are warmed so that its command touches only its own route.
 */

// ---- the fault kinds ---------------------------------------------------------------------------

const TROUBLE = /Scalingo is having trouble/
const UNKNOWN_IF_APPLIED = /unknown whether your change was applied/

interface FaultKind {
  readonly name: string
  /** A fault armed on each case's own route (status/latency/transport kinds). */
  readonly fault?: Omit<SimFault, "host" | "method" | "path">
  /** Or: answers with a body of this kind (cases without one sit this wave out). */
  readonly body?: BodyKind
  readonly expected: (c: FaultCase, p: Person) => RegExp
}

const KINDS: ReadonlyArray<FaultKind> = [
  {
    name: "answers only after 10 seconds",
    fault: { latencyMs: 10_000, times: 1 },
    // The client gives up after 10 s and retries once more within 15 s: either outcome is a sentence.
    expected: (c, p) => new RegExp(`${c.success(p).source}|${TROUBLE.source}|${UNKNOWN_IF_APPLIED.source}`)
  },
  {
    name: "answers 503 twice, then recovers",
    fault: { status: 503, times: 2 },
    expected: (c, p) => (c.change ? UNKNOWN_IF_APPLIED : c.success(p))
  },
  {
    name: "answers 500 to everything",
    fault: { status: 500 },
    expected: (c) => (c.change ? UNKNOWN_IF_APPLIED : TROUBLE)
  },
  {
    name: "resets every connection",
    fault: { reset: true },
    expected: (c) => (c.change ? UNKNOWN_IF_APPLIED : /could not be reached/)
  },
  { name: "sends malformed JSON", fault: { malformedJson: true }, expected: () => /does not understand/ },
  { name: "adds fields the bot does not know", body: "unknownFields", expected: (c, p) => c.success(p) },
  {
    name: "answers with empty lists",
    body: "emptyLists",
    expected: (c, p) =>
      c.route({ person: p }) === REGIONS
        ? /cannot (?:see|use|reach)|does not exist|any region/
        : c.route({ person: p }) === LIST_APPS
          ? /no apps/
          : /no events/
  },
  { name: "sends event types the bot does not know", body: "unknownEventTypes", expected: (c, p) => c.success(p) },
  { name: "sends null pagination", body: "nullPagination", expected: (c, p) => c.success(p) },
  { name: "sends no pagination meta at all", body: "absentMeta", expected: (c, p) => c.success(p) }
]

describe("when Scalingo misbehaves, every command still ends with a sentence", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(async () => {
    await world?.close()
  })

  KINDS.forEach((kind, k) => {
    const cases = CASES.map((c, i) => ({ c, i })).filter(
      ({ c }) => kind.body === undefined || c.bodies[kind.body] !== undefined
    )
    describe(`Scalingo ${kind.name}`, () => {
      const prepared = new Map<number, Prepared>()
      const outcomes = new Map<number, Promise<{ ok: true; text: string } | { ok: false; error: unknown }>>()

      beforeAll(async () => {
        await Promise.all(
          cases.map(async ({ c, i }) => {
            const username = `k${k}c${i}`
            const account = world.sim.createAccount({ username })
            const app = `${username}-app`
            world.sim.addApp(username, "osc-fr1", { name: app })
            world.sim.addAppEvents(username, "osc-fr1", app, 25)
            world.sim.addAccountEvents(username, "osc-fr1", 5)
            prepared.set(i, await c.prepare(world, { account, app, userId: `U${k}X${i}`, channelId: `C${k}X${i}` }))
          })
        )
        for (const { c, i } of cases) {
          const p = prepared.get(i)!
          const faults =
            kind.fault !== undefined
              ? [{ ...c.route(p), ...kind.fault }]
              : c.bodies[kind.body!]!(world, p)!.map((f) => ({ ...c.route(p), ...f }))
          for (const fault of faults) world.sim.faults.add(fault)
        }
        // Every command starts at once; the tests below only wait for their own.
        for (const { c, i } of cases) {
          outcomes.set(
            i,
            c.run(world, prepared.get(i)!).then(
              (text) => ({ ok: true as const, text }),
              (error: unknown) => ({ ok: false as const, error })
            )
          )
        }
      }, 60_000)
      afterAll(async () => {
        await Promise.all(outcomes.values())
        world.sim.faults.clear()
      })

      for (const { c, i } of cases) {
        it(`${c.title} ends with a sentence the person can act on`, async () => {
          const outcome = await outcomes.get(i)!
          if (!outcome.ok) throw outcome.error
          const person = prepared.get(i)!.person
          expect(outcome.text.trim().length).toBeGreaterThan(0)
          expect(outcome.text).toMatch(kind.expected(c, person))
          expectNothingRaw(outcome.text)
        }, 60_000)
      }

      it("whoami still answers every person from storage, links intact", async () => {
        await Promise.all(outcomes.values())
        await Promise.all(
          cases.map(async ({ c, i }) => {
            const person = prepared.get(i)!.person
            const text = await privateReply(world, "whoami", person)
            if (c.linkedBefore) expect(text).toContain(person.account.username)
            else expect(text).toMatch(new RegExp(`${person.account.username}|/scalingo login`))
            expectNothingRaw(text)
          })
        )
      }, 60_000)
    })
  })

  it("afterwards the bot is up, reported nothing unhandled, and nothing raw ever reached Slack", async () => {
    await expectBotStillUp(world)
    expectNothingRawReachedSlack(world)
  })
})
