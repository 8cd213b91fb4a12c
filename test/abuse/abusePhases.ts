import { eventually } from "../support/bounded.js"
import { nowSeconds, postSigned, sendInteractive, type SlackReply } from "../support/slackRequests.js"
import { SIGNING_SECRET, type World } from "../support/world.js"
import type { AppRef, Identity, Probe } from "./junkPayloads.js"

/**
 * Who sends during each abuse phase, and how probes are sent and judged. Checking "no action with
 * another person's account": in a phase exactly one linked person sends (with strangers), so every
 * request Scalingo authenticates must belong to that person's account; bob, linked, never sends.
 */

const ALICE: Identity = { teamId: "T0001", userId: "U-ALICE", userName: "alice" }
const CAROL: Identity = { teamId: "T0001", userId: "U-CAROL", userName: "carol" }

/** People who never linked anything, some wearing a linked person's user id in another team, or no id at all. */
export const STRANGERS: ReadonlyArray<Identity> = [
  { teamId: "T0001", userId: "U-NOBODY", userName: "nobody" },
  { teamId: "T-EVIL", userId: "U-BOB", userName: "bob" },
  { teamId: "T-EVIL", userId: "U-ALICE", userName: "alice" },
  { teamId: "T-EVIL", userId: "U-CAROL", userName: "carol" },
  { teamId: "T0001", userId: "", userName: "" },
  { teamId: "", userId: "U-BOB", userName: "bob" },
  { teamId: "T0001", userId: "u-bob", userName: "bob" },
  { teamId: "T0001", userId: "U-BOB ", userName: "bob" }
]

export interface Phase {
  /** The only linked person sending during the phase: every authenticated Scalingo request must be theirs. */
  readonly name: string
  readonly sender: Identity
  readonly account: string
  readonly probes: number
  readonly othersApps: ReadonlyArray<AppRef>
  readonly ownApps: ReadonlyArray<AppRef>
}

export const PHASES: ReadonlyArray<Phase> = [
  {
    name: "alice and strangers",
    sender: ALICE,
    account: "alice",
    probes: 3_000,
    othersApps: [
      { app: "bob-blog", region: "osc-fr1" },
      { app: "bob-shop", region: "osc-fr1" }
    ],
    ownApps: [
      { app: "forty-seven-events", region: "osc-fr1" },
      { app: "alice-secure", region: "osc-secnum-fr1" },
      { app: null, region: "osc-fr1" },
      { app: null, region: "osc-secnum-fr1" }
    ]
  },
  {
    name: "carol and strangers",
    sender: CAROL,
    account: "carol",
    probes: 2_000,
    othersApps: [
      { app: "forty-seven-events", region: "osc-fr1" },
      { app: "alice-secure", region: "osc-secnum-fr1" },
      { app: "bob-blog", region: "osc-fr1" },
      { app: null, region: "osc-secnum-fr1" }
    ],
    ownApps: [{ app: null, region: "osc-fr1" }]
  }
]

/** Sends one generated probe as Slack would (or as a forger would). */
export const sendProbe = (world: World, probe: Probe): Promise<SlackReply> => {
  if (probe.kind !== "raw") return sendInteractive(world.bot.url, SIGNING_SECRET, probe.payload)
  return postSigned(world.bot.url, SIGNING_SECRET, probe.body, {
    ...(probe.contentType !== undefined ? { headers: { "content-type": probe.contentType } } : {}),
    ...(probe.forgery === "signature" ? { signature: `v0=${"0".repeat(64)}` } : {}),
    ...(probe.forgery === "stale" ? { timestamp: nowSeconds() - 600 } : {})
  })
}

export const expectedStatus =
  (probe: Probe) =>
  (status: number): boolean => {
    if (probe.kind === "payload") return status === 200
    if (probe.kind === "raw" && probe.forgery !== undefined) return status === 401
    return status === 200 || (status >= 400 && status < 500)
  }

/** Waits until the simulator log stops growing: late answers of the previous burst must not blur the next one. */
export const quiet = async (world: World) => {
  let seen = -1
  await eventually(
    () => {
      const now = world.sim.requests.length
      const stable = now === seen
      seen = now
      return stable
    },
    20_000,
    1_000
  )
}
