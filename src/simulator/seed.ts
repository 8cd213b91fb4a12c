import { eventSamples } from "./eventSamples.js"
import type { AddAppSpec, Simulator } from "./types.js"

/**
 * The demo world: alice reaches both regions and has apps whose events cover every event type,
 * bob only osc-fr1, carol has not verified her billing (creating an app answers 402), and erin owns
 * nothing but collaborates on alice-web (limited) and bob-blog (full).
 */

/** An app with exactly this many events, for paging tests. */
export const FORTY_SEVEN_EVENTS_APP = "forty-seven-events"
/** An app whose timeline holds every event type at least once. */
export const ALL_EVENT_TYPES_APP = "all-event-types"

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString()

type Formation = NonNullable<AddAppSpec["formation"]>
const web = (amount: number, size = "M"): Formation[number] => ({ name: "web", amount, size })
const worker = (amount: number, size = "S"): Formation[number] => ({ name: "worker", amount, size })

export const seedDemo = (sim: Simulator): void => {
  sim.createAccount({ username: "alice", email: "alice@example.com", regions: ["osc-fr1", "osc-secnum-fr1"] })
  sim.createAccount({ username: "bob", email: "bob@example.com", regions: ["osc-fr1"] })
  sim.createAccount({ username: "carol", email: "carol@example.com", regions: ["osc-fr1"], billingVerified: false })
  sim.createAccount({ username: "erin", email: "erin@example.com", regions: ["osc-fr1"] })

  // Read when seeding, so the coverage follows eventSamples as it grows.
  const everyType = Math.max(100, eventSamples.length)
  const apps: ReadonlyArray<
    [
      user: string,
      region: string,
      name: string,
      status: string,
      deployedDaysAgo: number | null,
      events: number,
      formation: Formation,
      deployments: number
    ]
  > = [
    ["alice", "osc-fr1", "alice-web", "running", 2, 12, [web(2), worker(1)], 24],
    ["alice", "osc-fr1", ALL_EVENT_TYPES_APP, "running", 5, everyType, [web(1)], 3],
    ["alice", "osc-fr1", FORTY_SEVEN_EVENTS_APP, "running", 9, 47, [web(1, "S")], 2],
    ["alice", "osc-fr1", "alice-worker", "crashed", 1, 5, [web(1), worker(2)], 6],
    ["alice", "osc-fr1", "alice-fresh", "new", null, 0, [], 0],
    ["alice", "osc-secnum-fr1", "alice-secure", "running", 3, 8, [web(2, "L"), worker(1, "M")], 5],
    ["alice", "osc-secnum-fr1", "alice-archive", "stopped", 40, 3, [web(0)], 4],
    ["bob", "osc-fr1", "bob-blog", "running", 4, 15, [web(1)], 8],
    ["bob", "osc-fr1", "bob-shop", "crashed", 0, 4, [web(2), worker(1)], 5]
  ]
  for (const [user, region, name, status, deployedDaysAgo, events, formation, deployments] of apps) {
    const deployed = deployedDaysAgo === null ? null : daysAgo(deployedDaysAgo)
    sim.addApp(user, region, {
      name,
      status,
      lastDeployedAt: deployed,
      lastDeployedBy: deployed === null ? null : user,
      formation,
      pastDeployments: deployments,
      // bob-shop's last push crashed while booting: its last successful deployment is an older one.
      lastDeploymentStatus: name === "bob-shop" ? "crashed-error" : "success",
      logLines: status === "stopped" ? 0 : 60
    })
    sim.addAppEvents(user, region, name, events)
  }
  sim.addAccountEvents("alice", "osc-fr1", everyType)
  sim.addAccountEvents("alice", "osc-secnum-fr1", 10)
  sim.addAccountEvents("bob", "osc-fr1", 20)
  sim.addAccountEvents("carol", "osc-fr1", 3)
  sim.shareApp("alice", "osc-fr1", "alice-web", "erin", "limited_collaborator")
  sim.shareApp("bob", "osc-fr1", "bob-blog", "erin", "collaborator")
  const days = (n: number) => new Date(Date.now() + n * 86_400_000)
  sim.addDomain("alice", "osc-fr1", "alice-web", { name: "shop.alice.example", certificateValidUntil: days(9) })
  sim.addDomain("alice", "osc-fr1", "alice-web", {
    name: "www.alice.example",
    canonical: true,
    certificateValidUntil: days(62),
    letsEncryptStatus: "created"
  })
  sim.addDomain("alice", "osc-fr1", "alice-web", { name: "status.alice.example", letsEncryptStatus: "dns_required" })
  sim.addAutoscaler("alice", "osc-secnum-fr1", "alice-secure", {
    containerType: "web",
    minContainers: 2,
    maxContainers: 6,
    metric: "rpm_per_container",
    target: 150
  })
}
