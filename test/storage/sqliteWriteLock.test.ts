import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { holdSqliteWriteLock } from "../support/sqliteLock.js"
import { readable, startWorld, type World } from "../support/world.js"

/** Slack gives 3 s; an acknowledgement that waits for a lock at all would show up well above this. */
const FAST_ACK_MS = 1_000
const HOLD_MS = 3_500

describe("defect 5: a SQLite write lock held by another process", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(async () => {
    await world?.close()
  })

  it("delays no acknowledgement, and a command that writes completes once the lock is released", async () => {
    const lock = await holdSqliteWriteLock(path.join(world.dataDir, "bot.sqlite"), HOLD_MS)
    const loginUrl = world.slack.responseUrl()
    const login = world.command(`login ${world.sim.accounts.alice!.apiToken}`, {
      userId: "U-LOCKED",
      responseUrl: loginUrl
    })
    const linked = world.slack
      .waitFor((r) => r.kind === "response" && r.id === loginUrl.split("/").pop(), { timeoutMs: 15_000 })
      .then((reply) => ({ at: performance.now(), text: readable((reply as { body: unknown }).body) }))
    // Unrelated commands all through the lock: before the fix, the login's write blocked the event loop.
    const helps: Array<ReturnType<World["command"]>> = []
    for (let sent = 0; sent < 6; sent++) {
      helps.push(world.command("help", { userId: `U-HELP-${sent}` }))
      await new Promise((resolve) => setTimeout(resolve, 400))
    }
    const acks = [await login, ...(await Promise.all(helps))]
    const releasedAt = await lock.released
    const reply = await linked

    console.info(
      `defect 5: acknowledgements during a ${HOLD_MS} ms lock took ` +
        `${acks.map((a) => Math.round(a.elapsedMs)).join(", ")} ms; ` +
        `the login answered ${Math.round(reply.at - releasedAt)} ms after the lock was released`
    )
    expect(acks.map((ack) => ack.status)).toEqual(acks.map(() => 200))
    for (const ack of acks) expect(ack.elapsedMs).toBeLessThan(FAST_ACK_MS)
    // The link was written only after the other process let go of the database, and then it was.
    expect(reply.text).toContain("alice")
    expect(reply.at).toBeGreaterThanOrEqual(releasedAt - 50)
    expect(releasedAt - lock.lockedAt).toBeGreaterThanOrEqual(HOLD_MS - 100)
    const whoami = world.slack.responseUrl()
    await world.command("whoami", { userId: "U-LOCKED", responseUrl: whoami })
    const answer = await world.slack.waitFor((r) => r.kind === "response" && r.id === whoami.split("/").pop())
    expect(readable((answer as { body: unknown }).body)).toContain("alice@example.com")
  }, 30_000)
})
