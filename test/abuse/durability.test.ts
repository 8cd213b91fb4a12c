import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BotProcess } from "../support/botProcess.js"
import { eventually, runBounded } from "../support/bounded.js"
import { freshSchema, testDatabaseUrl, withPostgres } from "../support/postgres.js"
import { sendSlashCommand } from "../support/slackRequests.js"
import { withSqlite } from "../support/sqlite.js"
import { readable, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

const PEOPLE = 30
/** SIGKILL once this many logins were confirmed to their person: the rest are queued or half way. */
const KILL_AFTER_CONFIRMED = 10

interface LinkRow {
  team_id: string
  user_id: string
  sealed_token: string
  key_id: string
  scalingo_user_id: string
  username: string
  email: string
  linked_at: string
}

interface Storage {
  readonly name: string
  readonly skip: string | undefined
  /** Settings for the bot, and how to read the table behind its back. */
  readonly open: () => Promise<{
    env: Record<string, string>
    rows: (world: World) => Promise<ReadonlyArray<LinkRow>>
    close: () => Promise<void>
  }>
}

const selectLinks =
  "SELECT team_id, user_id, sealed_token, key_id, scalingo_user_id, username, email, linked_at FROM account_links"

const STORAGES: ReadonlyArray<Storage> = [
  {
    name: "SQLite (WAL)",
    skip: undefined,
    open: async () => ({
      env: {},
      rows: (world) =>
        withSqlite(world.env.DATABASE_URL!, (sql) =>
          Effect.gen(function* () {
            // A torn write would show here before any row is read.
            expect(yield* sql`PRAGMA integrity_check`).toEqual([{ integrity_check: "ok" }])
            return yield* sql.unsafe<LinkRow>(selectLinks)
          })
        ),
      close: async () => {}
    })
  },
  {
    name: "PostgreSQL",
    skip: testDatabaseUrl ? undefined : "TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)",
    open: async () => {
      const schema = await freshSchema()
      return {
        env: { DATABASE_URL: schema.url },
        rows: () => withPostgres(schema.url, (sql) => sql.unsafe<LinkRow>(selectLinks)),
        close: schema.drop
      }
    }
  }
]

for (const storage of STORAGES) {
  if (storage.skip !== undefined) console.warn(`Skipping the ${storage.name} durability test: ${storage.skip}`)

  describe.skipIf(storage.skip !== undefined)(
    `durability on ${storage.name}: the bot SIGKILLed while ${PEOPLE} people link their accounts`,
    () => {
      let world: World
      let opened: Awaited<ReturnType<Storage["open"]>>
      const userOf = (i: number) => `U-DURABLE-${String(i).padStart(2, "0")}`
      const usernameOf = (i: number) => `durable-${String(i).padStart(2, "0")}`
      beforeAll(async () => {
        opened = await storage.open()
        world = await startWorld({ env: opened.env })
        for (let i = 0; i < PEOPLE; i++)
          world.sim.createAccount({ username: usernameOf(i), email: `${usernameOf(i)}@example.com` })
        // Slow enough that several logins are always half way (checked, not yet stored) when the kill lands.
        world.sim.faults.add({ host: "auth", method: "GET", path: "/v1/users/self", latencyMs: 200 })
      }, 60_000)
      afterAll(async () => {
        await world?.close()
        await opened?.close()
      })

      /** A private reply to one slash command sent to `bot`. */
      const ask = async (bot: BotProcess, text: string, userId: string) => {
        const responseUrl = world.slack.responseUrl()
        await sendSlashCommand(bot.url, SIGNING_SECRET, { text, userId, responseUrl })
        const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
          timeoutMs: 20_000
        })
        return readable((reply as { body: unknown }).body)
      }

      it("every link confirmed before the kill is intact after a restart, the others are whole or " +
        "absent, and no row is half written", async () => {
        const confirmationIds = new Map<string, number>()
        const confirmed = () => {
          const done = new Set<number>()
          for (const r of world.slack.responses) {
            const i = confirmationIds.get(r.id)
            if (i !== undefined && readable(r.body).includes(`You now act as the Scalingo account *${usernameOf(i)}*`))
              done.add(i)
          }
          return done
        }
        let killed = false
        const sending = (async () => {
          for (let i = 0; i < PEOPLE && !killed; i++) {
            const responseUrl = world.slack.responseUrl()
            confirmationIds.set(responseUrl.split("/").pop()!, i)
            void world
              .command(`login ${world.sim.accounts[usernameOf(i)]!.apiToken}`, { userId: userOf(i), responseUrl })
              .catch(() => undefined)
            await new Promise((resolve) => setTimeout(resolve, 25))
          }
        })()
        expect(await eventually(() => confirmed().size >= KILL_AFTER_CONFIRMED, 30_000, 10)).toBe(true)
        killed = true
        expect(await world.bot.stop("SIGKILL")).toBeNull()
        await sending
        const confirmedAtKill = confirmed()
        const sent = confirmationIds.size
        expect(sent).toBeGreaterThan(confirmedAtKill.size) // some logins were still in flight

        // The table as the dead process left it: consistent, every row whole and owned by the right person.
        const rows = await opened.rows(world)
        const stored = new Map(rows.map((row) => [row.user_id, row]))
        for (const i of confirmedAtKill) expect(stored.has(userOf(i)), `${userOf(i)} was confirmed`).toBe(true)
        for (const row of rows) {
          const i = Number(row.user_id.slice(-2))
          expect(row).toMatchObject({
            team_id: "T0001",
            user_id: userOf(i),
            username: usernameOf(i),
            email: `${usernameOf(i)}@example.com`
          })
          for (const value of [row.sealed_token, row.key_id, row.scalingo_user_id, row.linked_at])
            expect(value.length).toBeGreaterThan(0)
        }

        // Restarted on the same storage and key: what is stored is readable and usable, the rest is simply absent.
        const again = await world.startAnother()
        const answers = new Map<number, string>()
        await runBounded(
          Array.from({ length: PEOPLE }, (_, i) => async () => {
            answers.set(i, await ask(again, "whoami", userOf(i)))
          }),
          6
        )
        for (let i = 0; i < PEOPLE; i++) {
          const text = answers.get(i)!
          if (stored.has(userOf(i)))
            expect(text, userOf(i)).toContain(`*${usernameOf(i)}* (${usernameOf(i)}@example.com)`)
          else expect(text, userOf(i)).toContain("have not linked")
        }
        const usable = [...stored.keys()].map((userId) => async () => {
          expect(await ask(again, "apps", userId), userId).toContain("You have no apps")
        })
        await runBounded(usable, 6)
        console.info(
          `${storage.name}: ${sent} logins sent, ${confirmedAtKill.size} confirmed before SIGKILL, ` +
            `${rows.length} stored`
        )
      }, 80_000)
    }
  )
}
