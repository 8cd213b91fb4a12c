import { createHash, randomBytes } from "node:crypto"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { BotProcess } from "../support/botProcess.js"
import { freshSchema, testDatabaseUrl, withPostgres } from "../support/postgres.js"
import { sendSlashCommand } from "../support/slackRequests.js"
import { withSqlite } from "../support/sqlite.js"
import { readable, SIGNING_SECRET, startWorld, type World } from "../support/world.js"

/**
 * Defect 8 through two real bot processes on one database: TOKEN_ENCRYPTION_KEY rotated in the three
 * deploys the README gives, one replica at a time, while the other keeps serving.
 */

const RELINK = /link your account again|can no longer be read/
const newKeyValue = () => randomBytes(32).toString("base64")
const idOf = (key: string) => createHash("sha256").update(Buffer.from(key, "base64")).digest("hex").slice(0, 8)

interface Backend {
  readonly name: string
  readonly skip: string | undefined
  /** A DATABASE_URL of its own, and how to read which key sealed each person's token. */
  readonly open: (
    world: () => World
  ) => Promise<{ url: string; keyIds: () => Promise<Record<string, string>>; drop: () => Promise<void> }>
}

const keyIdsQuery = "SELECT user_id, key_id FROM account_links"
const byUser = (rows: ReadonlyArray<{ user_id: string; key_id: string }>) =>
  Object.fromEntries(rows.map((row) => [row.user_id, row.key_id]))

const backends: ReadonlyArray<Backend> = [
  {
    name: "PostgreSQL",
    skip: testDatabaseUrl ? undefined : "TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)",
    open: async () => {
      const schema = await freshSchema()
      return {
        url: schema.url,
        keyIds: () => withPostgres(schema.url, (sql) => sql.unsafe(keyIdsQuery)).then((rows) => byUser(rows as never)),
        drop: schema.drop
      }
    }
  },
  {
    name: "SQLite (two processes on one file)",
    skip: undefined,
    open: async (world) => ({
      url: "", // the world's own SQLite file
      keyIds: () =>
        withSqlite(path.join(world().dataDir, "bot.sqlite"), (sql) => sql.unsafe(keyIdsQuery)).then((rows) =>
          byUser(rows as never)
        ),
      drop: async () => {}
    })
  }
]

for (const backend of backends) {
  if (backend.skip !== undefined) console.warn(`Skipping key rotation on ${backend.name}: ${backend.skip}`)
  describe.skipIf(backend.skip !== undefined)(`defect 8: key rotation across two replicas on ${backend.name}`, () => {
    const [oldKey, nextKey] = [newKeyValue(), newKeyValue()]
    let world: World
    let database: Awaited<ReturnType<Backend["open"]>>
    beforeAll(async () => {
      database = await backend.open(() => world)
      world = await startWorld({
        env: { TOKEN_ENCRYPTION_KEY: oldKey, ...(database.url === "" ? {} : { DATABASE_URL: database.url }) }
      })
    }, 60_000)
    afterAll(async () => {
      await world?.close()
      await database?.drop()
    })

    /** A slash command to one replica, and the private reply it sent. */
    const ask = async (bot: BotProcess, text: string, userId: string) => {
      const responseUrl = world.slack.responseUrl()
      expect((await sendSlashCommand(bot.url, SIGNING_SECRET, { text, userId, responseUrl })).status).toBe(200)
      const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
        timeoutMs: 20_000
      })
      return readable((reply as { body: unknown }).body)
    }
    const people: Array<{ userId: string; app: string }> = []
    const link = async (bot: BotProcess) => {
      const username = `rotating-${randomBytes(4).toString("hex")}`
      const account = world.sim.createAccount({ username, apiToken: `tk-us-${randomBytes(24).toString("hex")}` })
      world.sim.addApp(username, "osc-fr1", { name: `${username}-app` })
      const userId = `U-${username.toUpperCase()}`
      expect(await ask(bot, `login ${account.apiToken}`, userId)).toContain(username)
      people.push({ userId, app: `${username}-app` })
      return userId
    }
    /** Everyone linked so far is served by `bot` with their own token. */
    const servesEveryone = async (bot: BotProcess) => {
      for (const person of people) expect(await ask(bot, "apps", person.userId)).toContain(person.app)
    }
    const restart = async (bot: BotProcess, keys: string) => {
      expect(await bot.stop("SIGTERM")).toBe(0)
      return world.startAnother({ TOKEN_ENCRYPTION_KEY: keys })
    }

    it("the replica still on the old setting serves throughout; nobody is asked to link again", async () => {
      let a = world.bot
      let b = await world.startAnother()
      await link(a)

      // Step 1: <old>,<new> everywhere, one replica after the other. Tokens are still sealed with <old>.
      b = await restart(b, `${oldKey},${nextKey}`)
      const second = await link(b)
      expect((await database.keyIds())[second]).toBe(idOf(oldKey))
      await servesEveryone(a) // A knows only <old>
      a = await restart(a, `${oldKey},${nextKey}`)

      // Step 2: <new>,<old>. B re-seals everything with <new>; A, still on step 1, opens it and seals with it too.
      b = await restart(b, `${nextKey},${oldKey}`)
      expect(Object.values(await database.keyIds())).toEqual(people.map(() => idOf(nextKey)))
      await servesEveryone(a)
      const third = await link(a)
      expect((await database.keyIds())[third]).toBe(idOf(nextKey))
      a = await restart(a, `${nextKey},${oldKey}`)
      const saysDone =
        `Every stored Scalingo token is sealed with key ${idOf(nextKey)}: ` +
        `key(s) ${idOf(oldKey)} can now be removed`
      expect(a.output.join("\n")).toContain(saysDone)

      // Step 3: <new> alone, one replica after the other.
      b = await restart(b, nextKey)
      await servesEveryone(a)
      await servesEveryone(b)
      a = await restart(a, nextKey)
      await servesEveryone(a)

      const answers = world.slack.responses.map((r) => readable(r.body))
      expect(answers.filter((text) => RELINK.test(text))).toEqual([])
    }, 180_000)
  })
}
