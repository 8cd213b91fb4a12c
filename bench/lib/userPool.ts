// Many Slack people, each linked to their own Scalingo account reaching both regions. Scalingo's
// budget is per account (60 requests a minute), so load figures spread their commands over the
// pool, round robin, and no account ever waits for its budget.
import type { Child } from "./children.js"
import type { BenchWorld } from "./benchWorld.js"

export interface PoolUser {
  readonly userId: string
  readonly username: string
  readonly apiToken: string
  /** An app in osc-fr1 (the default region) with more than one page of events. */
  readonly app: string
}

export interface UserPool {
  readonly users: ReadonlyArray<PoolUser>
  /** The next user, round robin over the whole pool. */
  next(): PoolUser
}

export const EVENTS_PER_APP = 30

/** Creates `size` accounts in the simulator: two apps in osc-fr1, one in osc-secnum-fr1. */
export const createPool = (world: BenchWorld, size: number, prefix = "pool"): UserPool => {
  const users: Array<PoolUser> = []
  for (let i = 0; i < size; i++) {
    const username = `${prefix}${String(i).padStart(3, "0")}`
    const account = world.sim.createAccount({ username, regions: ["osc-fr1", "osc-secnum-fr1"] })
    const app = `${username}-web`
    world.sim.addApp(username, "osc-fr1", {
      name: app,
      lastDeployedAt: new Date().toISOString(),
      lastDeployedBy: username
    })
    world.sim.addApp(username, "osc-fr1", { name: `${username}-worker`, status: "crashed" })
    world.sim.addApp(username, "osc-secnum-fr1", { name: `${username}-vault` })
    world.sim.addAppEvents(username, "osc-fr1", app, EVENTS_PER_APP)
    users.push({ userId: `U${prefix.toUpperCase()}${i}`, username, apiToken: account.apiToken, app })
  }
  let cursor = 0
  return { users, next: () => users[cursor++ % users.length]! }
}

/**
 * Links every user of the pool on `bot` (`login <token>`), a few at a time (each waiter is a fake Slack listener,
 * 10 at most).
 */
export const linkPool = async (world: BenchWorld, bot: Child, pool: UserPool, concurrency = 8): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < pool.users.length) {
      const user = pool.users[next++]!
      await world.link(bot, user.userId, user.apiToken)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}
