import { eventSamples } from "./eventSamples.js"
import type { Simulator } from "./types.js"

/**
 * The demo world: alice reaches both regions and has apps whose events cover every event type,
 * bob only osc-fr1, carol has not verified her billing (creating an app answers 402).
 */

/** An app with exactly this many events, for paging tests. */
export const FORTY_SEVEN_EVENTS_APP = "forty-seven-events"
/** An app whose timeline holds every event type at least once. */
export const ALL_EVENT_TYPES_APP = "all-event-types"

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString()

export const seedDemo = (sim: Simulator): void => {
  sim.createAccount({ username: "alice", email: "alice@example.com", regions: ["osc-fr1", "osc-secnum-fr1"] })
  sim.createAccount({ username: "bob", email: "bob@example.com", regions: ["osc-fr1"] })
  sim.createAccount({ username: "carol", email: "carol@example.com", regions: ["osc-fr1"], billingVerified: false })

  // Read when seeding, so the coverage follows eventSamples as it grows.
  const everyType = Math.max(100, eventSamples.length)
  const apps: ReadonlyArray<
    [user: string, region: string, name: string, status: string, deployedDaysAgo: number | null, events: number]
  > = [
    ["alice", "osc-fr1", "alice-web", "running", 2, 12],
    ["alice", "osc-fr1", ALL_EVENT_TYPES_APP, "running", 5, everyType],
    ["alice", "osc-fr1", FORTY_SEVEN_EVENTS_APP, "running", 9, 47],
    ["alice", "osc-fr1", "alice-worker", "crashed", 1, 5],
    ["alice", "osc-fr1", "alice-fresh", "new", null, 0],
    ["alice", "osc-secnum-fr1", "alice-secure", "running", 3, 8],
    ["alice", "osc-secnum-fr1", "alice-archive", "stopped", 40, 3],
    ["bob", "osc-fr1", "bob-blog", "running", 4, 15],
    ["bob", "osc-fr1", "bob-shop", "crashed", 0, 4]
  ]
  for (const [user, region, name, status, deployedDaysAgo, events] of apps) {
    const deployed = deployedDaysAgo === null ? null : daysAgo(deployedDaysAgo)
    sim.addApp(user, region, {
      name,
      status,
      lastDeployedAt: deployed,
      lastDeployedBy: deployed === null ? null : user
    })
    sim.addAppEvents(user, region, name, events)
  }
  sim.addAccountEvents("alice", "osc-fr1", everyType)
  sim.addAccountEvents("alice", "osc-secnum-fr1", 10)
  sim.addAccountEvents("bob", "osc-fr1", 20)
  sim.addAccountEvents("carol", "osc-fr1", 3)
}
