import path from "node:path"
import { Effect, Option, Redacted } from "effect"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import type { SimAccount } from "../../src/simulator/index.js"
import { expectNothingRaw } from "../support/blockKit.js"
import type { Fault } from "../support/fakeSlack.js"
import {
  type Asker,
  expectBotStillUp,
  expectNothingRawReachedSlack,
  isCreateForm,
  logEntries,
  logEntriesWith,
  loggedSince,
  privateOrThreaded,
  privateReply,
  referenceIn,
  textsIn,
  viewWhere
} from "../support/faultChecks.js"
import { readable, startWorld, type World } from "../support/world.js"
import { linksOf, openStorage } from "../storage/storageFixtures.js"

/**
 * Slack's Web API (and response_url) failing under the bot: what the SDK may retry is delivered,
 * what cannot be delivered is logged with a reference id, and nothing crashes or loses a link.
 * Slack faults are per method, so these cases run one after another.
 */
describe("when Slack misbehaves", () => {
  let world: World
  let serial = 0
  /** A person whose link must survive everything below. */
  const keeper: Asker = { userId: "UKEEPER", channelId: "CKEEPER" }
  /** Whether the threaded page of an events listing is refused (the parent still posts). */
  let refuseThreadPages = false

  beforeAll(async () => {
    world = await startWorld()
    expect(await privateReply(world, `login ${world.sim.accounts.alice!.apiToken}`, keeper)).toContain("alice")
    // Like the fake's own answer, plus a switch to refuse only threaded replies.
    world.slack.answer("chat.postMessage", (p) =>
      refuseThreadPages && p.thread_ts !== undefined
        ? { ok: false, error: "thread_not_found" }
        : { channel: p.channel, ts: `1800000000.${String(++serial).padStart(6, "0")}` }
    )
  })
  afterEach(() => {
    world.slack.clearFaults()
    refuseThreadPages = false
  })
  afterAll(async () => {
    await world?.close()
  })

  /** A fresh Slack person linked to alice (events, login) or to a fresh account (caches cold). */
  const person = async (account?: SimAccount): Promise<Asker & { account: SimAccount }> => {
    const n = ++serial
    const who = { userId: `UP${n}`, channelId: `CP${n}`, account: account ?? world.sim.accounts.alice! }
    expect(await privateReply(world, `login ${who.account.apiToken}`, who)).toContain(who.account.username)
    return who
  }
  const freshAccount = () => world.sim.createAccount({ username: `slack${++serial}` })

  const runEvents = async (who: Asker) => {
    const responseUrl = world.slack.responseUrl()
    const mark = world.slack.calls.length
    await world.command("events forty-seven-events", { userId: who.userId, channelId: who.channelId, responseUrl })
    return privateOrThreaded(world, who, responseUrl, mark, 30_000)
  }

  /** Polls the fake Slack's kept views until one matches. */

  /** `create` with Scalingo slow to list regions: a loading modal first, replaced by views.update. */
  const createWithSlowRegions = async (who: Asker) => {
    world.sim.faults.add({ host: "auth", method: "GET", path: "/v1/regions", latencyMs: 1_500, times: 1 })
    const responseUrl = world.slack.responseUrl()
    await world.command("create", { userId: who.userId, channelId: who.channelId, responseUrl })
    const loading = await viewWhere(world, (v) => String(v.private_metadata).includes(responseUrl))
    return { responseUrl, viewId: loading.id }
  }

  /** The apology a person reads, and the log entry its reference points to (which names `method`). */
  const expectApologyLogged = (text: string, method: string) => {
    expectNothingRaw(text)
    const reference = referenceIn(text)
    expect(reference, `an apology with a reference, got: ${text}`).toBeDefined()
    const entries = logEntriesWith(world, `reference: ${reference}`)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.join("\n")).toContain(method)
  }

  const TRANSIENT: ReadonlyArray<readonly [string, Fault]> = [
    ["500 once", { status: 500, times: 1 }],
    ["500 twice", { status: 500, times: 2 }],
    ["429 with Retry-After: 1", { status: 429, retryAfterSeconds: 1, times: 1 }]
  ]

  /** Each delivery prepares what it needs first, so the fault hits only the call under test. */
  const DELIVERIES: ReadonlyArray<{
    method: string
    what: string
    prepare: () => Promise<(fault: Fault) => Promise<void>>
  }> = [
    {
      method: "chat.postMessage",
      what: "the events listing is posted in its thread",
      prepare: async () => {
        const who = await person()
        return async () => {
          const shown = await runEvents(who)
          expect(shown.where).toBe("thread")
          expect(shown.text).toContain("events of forty-seven-events")
        }
      }
    },
    {
      method: "views.open",
      what: "the login modal opens",
      prepare: async () => {
        const who = await person()
        return async () => {
          const responseUrl = world.slack.responseUrl()
          await world.command("login", { userId: who.userId, channelId: who.channelId, responseUrl })
          const view = await viewWhere(
            world,
            (v) => v.callback_id === "login" && String(v.private_metadata).includes(responseUrl)
          )
          expect(textsIn(view)).toContain("API token")
        }
      }
    },
    {
      method: "views.update",
      what: "the create form replaces its loading view",
      prepare: async () => {
        const who = await person(freshAccount())
        return async () => {
          const { viewId } = await createWithSlowRegions(who)
          await viewWhere(world, (v) => v.id === viewId && isCreateForm(v))
        }
      }
    },
    {
      method: "response_url",
      what: "the whoami answer arrives",
      prepare: async () => {
        const who = await person()
        // The fake keeps refused POSTs too: the answer must arrive on the first attempt after the refused ones.
        return async (fault) => {
          const responseUrl = world.slack.responseUrl(),
            id = responseUrl.split("/").pop()
          await world.command("whoami", { userId: who.userId, channelId: who.channelId, responseUrl })
          const deadline = Date.now() + 30_000
          let mine = world.slack.responses.filter((r) => r.id === id)
          while (mine.length <= (fault.times ?? 1) && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 25))
            mine = world.slack.responses.filter((r) => r.id === id)
          }
          expect(readable(mine[fault.times ?? 1]?.body)).toContain("alice@example.com")
        }
      }
    }
  ]

  // Issue 16 (defect 3): a 500 may come after Slack acted (Slack's fatal_error and internal_error say "some
  // aspect of the operation may have succeeded"), so a post is not re-sent after one: for chat.postMessage
  // and a response_url answer only the 429 is retried. A 500 on them is the refusal below, shown once.
  const resentAfter = (method: string) =>
    method === "chat.postMessage" || method === "response_url"
      ? TRANSIENT.filter(([, fault]) => fault.status === 429)
      : TRANSIENT

  describe.each(DELIVERIES)("$method failing for a moment", ({ method, what, prepare }) => {
    it.each(resentAfter(method))(
      `answering %s: retried, and ${what}`,
      async (_name, fault) => {
        const deliver = await prepare()
        const calls = world.slack.calls.length,
          responses = world.slack.responses.length
        world.slack.fail(method, fault)
        await deliver(fault)
        const attempts =
          method === "response_url"
            ? world.slack.responses.length - responses
            : world.slack.calls.slice(calls).filter((c) => c.method === method).length
        expect(attempts).toBeGreaterThan(fault.times ?? 1)
      },
      45_000
    )
  })

  const REFUSALS: ReadonlyArray<readonly [string, Fault]> = [
    ["ok:false", { error: "fatal_error" }],
    ["500 on every attempt", { status: 500 }]
  ]

  describe.each(REFUSALS)("Slack refusing for good (%s)", (_name, fault) => {
    it("chat.postMessage: the first page of events is shown privately, saying why", async () => {
      world.slack.fail("chat.postMessage", fault)
      const shown = await runEvents(await person())
      expect(shown.where).toBe("private")
      expect(shown.text).toContain("can't post in this channel")
      expect(shown.text).toContain("forty-seven-events")
      expectNothingRaw(shown.text)
    }, 45_000)

    it("views.open: the person gets an apology whose reference is in the log", async () => {
      const who = await person()
      world.slack.fail("views.open", fault)
      expectApologyLogged(await privateReply(world, "login", who, 30_000), "views.open")
    }, 45_000)

    it("views.update: the person gets an apology whose reference is in the log", async () => {
      const who = await person(freshAccount())
      world.slack.fail("views.update", fault)
      const { responseUrl } = await createWithSlowRegions(who)
      const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
        timeoutMs: 30_000
      })
      expectApologyLogged(readable((reply as { body: unknown }).body), "views.update")
    }, 45_000)

    it("response_url: nobody can be told, so the failure is logged with a reference", async () => {
      const who = await person()
      const mark = world.bot.output.length
      world.slack.fail("response_url", fault)
      await world.command("whoami", {
        userId: who.userId,
        channelId: who.channelId,
        responseUrl: world.slack.responseUrl()
      })
      await loggedSince(world, mark, "response_url", "reference:")
    }, 45_000)
  })

  it("a threaded page Slack refuses gets an apology whose reference is in the log", async () => {
    const who = await person()
    refuseThreadPages = true
    const responseUrl = world.slack.responseUrl()
    await world.command("events forty-seven-events", { userId: who.userId, channelId: who.channelId, responseUrl })
    const reply = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
      timeoutMs: 30_000
    })
    expectApologyLogged(readable((reply as { body: unknown }).body), "chat.postMessage")
  }, 45_000)

  const tokenValues = (token: string) => ({ token: { token: { type: "plain_text_input", value: token } } })
  const createValues = (name: string) => ({
    name: { name: { type: "plain_text_input", value: name } },
    region: { region: { type: "static_select", selected_option: { value: "osc-fr1" } } }
  })

  it("a slow login whose modal cannot be updated still links, tells the person privately, and " +
    "logs a reference", async () => {
    const who = { userId: `UP${++serial}`, channelId: `CP${serial}` }
    const account = freshAccount()
    const responseUrl = world.slack.responseUrl()
    await world.command("login", { userId: who.userId, channelId: who.channelId, responseUrl })
    const form = await viewWhere(
      world,
      (v) => v.callback_id === "login" && String(v.private_metadata).includes(responseUrl)
    )
    const mark = world.bot.output.length
    world.sim.faults.add({ host: "auth", method: "GET", path: "/v1/users/self", latencyMs: 2_500, times: 1 })
    world.slack.fail("views.update", { error: "not_found" })
    const reply = await world.submit({ view: form, userId: who.userId, values: tokenValues(account.apiToken) })
    expect(reply.body).toMatchObject({ response_action: "update" }) // "checking…": the answer comes later
    const told = await world.slack.waitFor((r) => r.kind === "response" && r.id === responseUrl.split("/").pop(), {
      timeoutMs: 30_000
    })
    expect(readable((told as { body: unknown }).body)).toContain(account.username)
    await loggedSince(world, mark, "views.update", "reference:")
    expect(await privateReply(world, "whoami", who)).toContain(account.email)
  }, 45_000)

  it("a slow app creation whose modal cannot be updated is still announced in the channel, and " +
    "logs a reference", async () => {
    const who = await person(freshAccount())
    const responseUrl = world.slack.responseUrl()
    await world.command("create", { userId: who.userId, channelId: who.channelId, responseUrl })
    const form = await viewWhere(world, (v) => String(v.private_metadata).includes(responseUrl) && isCreateForm(v))
    const mark = world.bot.output.length
    const name = `${who.account.username}-late`
    world.sim.faults.add({ host: "osc-fr1", method: "POST", path: "/v1/apps", latencyMs: 2_500, times: 1 })
    world.slack.fail("views.update", { error: "not_found" })
    const reply = await world.submit({ view: form, userId: who.userId, values: createValues(name) })
    expect(reply.body).toMatchObject({ response_action: "update" })
    const announced = await world.slack.waitForCall("chat.postMessage", (c) => readable(c.params).includes(name), {
      timeoutMs: 30_000
    })
    expect(announced.params.channel).toBe(who.channelId)
    await loggedSince(world, mark, "views.update", "reference:")
  }, 45_000)

  it("an app creation nobody can be told about (channel and response_url refused) is logged " +
    "with a reference", async () => {
    const who = await person(freshAccount())
    const responseUrl = world.slack.responseUrl()
    await world.command("create", { userId: who.userId, channelId: who.channelId, responseUrl })
    const form = await viewWhere(world, (v) => String(v.private_metadata).includes(responseUrl) && isCreateForm(v))
    const mark = world.bot.output.length
    world.slack.fail("chat.postMessage", { error: "channel_not_found" })
    world.slack.fail("response_url", { status: 500 })
    const reply = await world.submit({
      view: form,
      userId: who.userId,
      values: createValues(`${who.account.username}-lost`)
    })
    expect(reply.body).toMatchObject({ response_action: "update" })
    expect(textsIn((reply.body as { view: unknown }).view)).toContain("now exists")
    await loggedSince(world, mark, "reference:", "response_url")
  }, 45_000)

  it("a quick modal login whose private confirmation Slack rate-limits still answers the modal at once", async () => {
    const who = { userId: `UP${++serial}`, channelId: `CP${serial}` }
    const responseUrl = world.slack.responseUrl()
    await world.command("login", { userId: who.userId, channelId: who.channelId, responseUrl })
    const form = await viewWhere(
      world,
      (v) => v.callback_id === "login" && String(v.private_metadata).includes(responseUrl)
    )
    world.slack.fail("response_url", { status: 429, retryAfterSeconds: 3, times: 1 })
    const reply = await world.submit({
      view: form,
      userId: who.userId,
      values: tokenValues(world.sim.accounts.bob!.apiToken)
    })
    expect(reply.body).toMatchObject({ response_action: "update" })
    expect(textsIn((reply.body as { view: unknown }).view)).toContain("Linked to the Scalingo account")
    // The confirmation still arrives once Slack lets it through.
    const told = await world.slack.waitFor(
      (r) => r.kind === "response" && r.id === responseUrl.split("/").pop() && readable(r.body).includes("bob"),
      { timeoutMs: 30_000 }
    )
    expect(told).toBeDefined()
  }, 45_000)

  it("a quick app creation whose announcement Slack rate-limits still answers the modal at once", async () => {
    const who = await person(freshAccount())
    const responseUrl = world.slack.responseUrl()
    await world.command("create", { userId: who.userId, channelId: who.channelId, responseUrl })
    const form = await viewWhere(world, (v) => String(v.private_metadata).includes(responseUrl) && isCreateForm(v))
    const name = `${who.account.username}-limited`
    world.slack.fail("chat.postMessage", { status: 429, retryAfterSeconds: 3, times: 1 })
    const reply = await world.submit({ view: form, userId: who.userId, values: createValues(name) })
    expect(reply.body).toMatchObject({ response_action: "update" })
    expect(textsIn((reply.body as { view: unknown }).view)).toContain("now exists")
    await world.slack.waitForCall(
      "chat.postMessage",
      (c) => readable(c.params).includes(name) && c.params.channel === who.channelId,
      { timeoutMs: 30_000 }
    )
  }, 45_000)

  it(
    "afterwards: alive, healthy, nothing unhandled, nothing raw sent, every error logged with " +
      "a reference, and the link intact",
    async () => {
      await expectBotStillUp(world)
      expectNothingRawReachedSlack(world)
      const errors = logEntries(world.bot.output).filter((e) => / ERROR /.test(e.split("\n")[0]!))
      expect(errors.filter((e) => !e.includes("reference:"))).toEqual([])
      const whoami = await privateReply(world, "whoami", keeper)
      expect(whoami).toContain("alice@example.com")
      expect(whoami).not.toContain("no longer accepts")
      // The row as storage reads it: present, not marked dead, and its sealed token still opens with the key.
      const link = await Effect.runPromise(
        Effect.scoped(
          Effect.flatMap(
            openStorage(path.join(world.dataDir, "bot.sqlite"), { keys: world.env.TOKEN_ENCRYPTION_KEY! }),
            (storage) => linksOf(storage).find("T0001", keeper.userId)
          )
        )
      )
      expect(Option.isSome(link)).toBe(true)
      const row = Option.getOrThrow(link)
      expect(row).toMatchObject({ username: "alice", email: "alice@example.com", rejectedAt: null })
      expect(Redacted.value(row.apiToken)).toBe(world.sim.accounts.alice!.apiToken)
    }
  )
})
