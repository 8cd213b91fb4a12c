import { readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fakeToken } from "./junkText.js"
import { seededRandom } from "../support/seededRandom.js"
import { buttonsOf } from "../support/blockKit.js"
import { commandReply, openedView, startWorld, type World } from "../support/world.js"

/**
 * After a whole varied session (logins by command and by form, apps, events and paging, app
 * creation, Scalingo failures, a revoked token, expired bearers, logout), no API token or bearer
 * used in it is found in the database files or in anything the bot logged, at the most verbose level.
 */

const JWT_SHAPED = /eyJ[A-Za-z0-9_-]{8,}/

const MODES = [
  { name: "readable logs at LOG_LEVEL=debug", env: { LOG_LEVEL: "debug" } },
  { name: "JSON logs (NODE_ENV=production) at LOG_LEVEL=debug", env: { LOG_LEVEL: "debug", NODE_ENV: "production" } }
] as const

/** Every file under a folder (the SQLite file and its -wal/-shm companions), as text that keeps every byte. */
const filesUnder = (folder: string): Array<{ file: string; text: string }> =>
  readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [{ file, text: readFileSync(file).toString("latin1") }]
  })

for (const mode of MODES) {
  describe(`secrets stay secret, ${mode.name}`, () => {
    let world: World
    const junkToken = fakeToken(seededRandom(7))
    beforeAll(async () => {
      world = await startWorld({ env: mode.env })
    }, 60_000)
    afterAll(async () => {
      await world?.close()
    })

    const expectReply = async (text: string, userId: string, expected: string) =>
      expect((await commandReply(world, text, { userId })).text, text.split(" ")[0]).toContain(expected)

    const session = async () => {
      const { alice, bob, carol } = world.sim.accounts as Record<"alice" | "bob" | "carol", { apiToken: string }>
      await expectReply(`login ${alice.apiToken}`, "U-ALICE", "alice")
      const form = await openedView(world, "login", () => world.command("login", { userId: "U-BOB" }))
      const submitted = await world.submit({
        view: form,
        userId: "U-BOB",
        values: { token: { token: { type: "plain_text_input", value: bob.apiToken } } }
      })
      expect(JSON.stringify(submitted.body)).toContain("bob")
      await expectReply(`login ${carol.apiToken}`, "U-CAROL", "carol")
      await expectReply(`login ${junkToken}`, "U-MALLORY", "Nothing was stored")
      await expectReply("whoami", "U-ALICE", "alice")
      await expectReply("apps", "U-ALICE", "alice-web")

      const since = world.slack.calls.length
      await world.command("events forty-seven-events", { userId: "U-ALICE" })
      const page = await world.slack.waitForCall(
        "chat.postMessage",
        (c) => world.slack.calls.indexOf(c) >= since && c.params.thread_ts !== undefined,
        { timeoutMs: 20_000 }
      )
      const next = buttonsOf(page.params as never, "events_page").find((b) => b.text.startsWith("Next"))!
      const clicked = world.slack.calls.length
      await world.click({
        actionId: "events_page",
        value: next.value,
        userId: "U-BOB",
        threadTs: String(page.params.thread_ts)
      })
      await world.click({
        actionId: "events_page",
        value: next.value,
        userId: "U-ALICE",
        threadTs: String(page.params.thread_ts)
      })
      await world.slack.waitForCall("chat.postMessage", (c) => world.slack.calls.indexOf(c) >= clicked, {
        timeoutMs: 20_000
      })

      const create = await openedView(world, "create_app", () => world.command("create", { userId: "U-ALICE" }))
      const fill = (name: string) => ({
        name: { name: { type: "plain_text_input", value: name } },
        region: { region: { type: "static_select", selected_option: { value: "osc-fr1" } } }
      })
      expect(
        JSON.stringify(
          (await world.submit({ view: create, userId: "U-ALICE", values: fill("secret-session-app") })).body
        )
      ).toContain("secret-session-app")
      const billing = await openedView(world, "create_app", () => world.command("create", { userId: "U-CAROL" }))
      expect(
        JSON.stringify((await world.submit({ view: billing, userId: "U-CAROL", values: fill("carols-app") })).body)
      ).toContain("billing")

      // Failures on the way: Scalingo down, Scalingo quoting the token back, bearers expired, a token revoked.
      world.sim.faults.add({ host: "osc-fr1", method: "GET", path: "/v1/apps", status: 503, times: 8 })
      await expectReply("apps", "U-ALICE", "osc-fr1")
      world.sim.faults.clear()
      world.sim.faults.add({
        host: "osc-fr1",
        method: "GET",
        path: "/v1/apps/nothing-here-app/events",
        status: 400,
        times: 1,
        body: JSON.stringify({ error: `invalid token ${alice.apiToken}` })
      })
      expect((await commandReply(world, "events nothing-here-app", { userId: "U-ALICE" })).text).not.toContain(
        alice.apiToken
      )
      world.sim.expireBearers()
      await expectReply("apps", "U-ALICE", "alice-web")
      world.sim.revokeToken(bob.apiToken)
      world.sim.expireBearers()
      await expectReply("apps", "U-BOB", "login")
      await expectReply("logout", "U-ALICE", "forgotten")
      await expectReply("whoami", "U-ALICE", "have not linked")
    }

    it("neither the database files nor the logs nor anything sent to Slack hold a token, a bearer " +
      "or anything JWT-shaped", async () => {
      await session()
      const accounts = Object.values(world.sim.accounts)
      const bearers = world.sim.issuedBearers()
      expect(bearers.length).toBeGreaterThanOrEqual(4) // exchanges happened, and again after expiry
      const secrets = [
        ...accounts.map((a) => a.apiToken),
        junkToken,
        ...bearers,
        // The Basic credentials of a token exchange, as they would appear in a logged header.
        ...[...accounts.map((a) => a.apiToken), junkToken].map((t) => Buffer.from(`:${t}`).toString("base64"))
      ]
      const leaks = (where: string, text: string) => [
        ...secrets.filter((s) => text.includes(s)).map((s) => `${where} holds ${s.slice(0, 12)}…`),
        ...(JWT_SHAPED.test(text)
          ? [`${where} holds something JWT-shaped: ${JWT_SHAPED.exec(text)![0].slice(0, 16)}…`]
          : [])
      ]
      const sentToSlack = JSON.stringify([
        world.slack.calls.map((c) => c.params),
        world.slack.responses.map((r) => r.body)
      ])
      const whileRunning = filesUnder(world.dataDir).flatMap(({ file, text }) => leaks(path.basename(file), text))
      expect(filesUnder(world.dataDir).map(({ file }) => path.basename(file))).toContain("bot.sqlite")

      expect(await world.bot.stop("SIGTERM")).toBe(0)
      const afterStop = filesUnder(world.dataDir).flatMap(({ file, text }) =>
        leaks(`${path.basename(file)} (after stop)`, text)
      )
      const logged = world.bot.output.join("\n")
      // The logs must cover the session, or this proves nothing. (With NODE_ENV=production the bot printed nothing at
      // all: src/logging.ts installed Logger.jsonLogger, which only formats; Logger.withConsoleLog(...) prints.)
      expect(logged, "the bot logged nothing during the session").toContain("account linked")
      expect([
        ...whileRunning,
        ...afterStop,
        ...leaks("the bot's output", logged),
        ...leaks("what Slack received", sentToSlack)
      ]).toEqual([])
    }, 80_000)
  })
}
