import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { eventIdsFor, NotifiersApi } from "../../src/scalingo/NotifiersApi.js"
import { type Tally, withTally } from "../../src/scalingo/RequestTally.js"
import type { Simulator } from "../../src/simulator/index.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

const hookUrl = (sim: Simulator) => `${sim.authUrl}/hooks/scalingo/s3cr3t-d00rb3ll-0123456789abcdef`

describe("NotifiersApi catalogues", () => {
  it.scopedLive("the webhook platform and event types: read anonymously once per region, whoever asks", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const [alice, bob] = [accountOf(sim, "alice"), accountOf(sim, "bob")]
      const { platform, types, again } = yield* Effect.gen(function* () {
        const notifiers = yield* NotifiersApi
        const [platform, types] = yield* Effect.all(
          [notifiers.webhookPlatform(alice, "osc-fr1"), notifiers.eventTypes(alice, "osc-fr1")],
          { concurrency: "unbounded" }
        )
        const again = yield* Effect.all([
          notifiers.webhookPlatform(bob, "osc-fr1"),
          notifiers.eventTypes(bob, "osc-fr1")
        ])
        yield* notifiers.eventTypes(alice, "osc-secnum-fr1")
        return { platform, types, again }
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(platform).toMatchObject({ id: "5982f145d48c3600273ef08a", name: "webhook", display_name: "Webhook" })
      expect(types.find((t) => t.name === "app_deployed")).toMatchObject({
        id: "5982f139d48c360021b1eb4b",
        display_name: "App deployed"
      })
      expect(again).toEqual([platform, types])
      const reads = requestsTo(sim, { path: /^\/v1\/(notification_platforms\/search|event_types)$/ })
      expect(reads.map((r) => [r.host, r.path, r.account])).toEqual([
        ["osc-fr1", "/v1/notification_platforms/search", undefined],
        ["osc-fr1", "/v1/event_types", undefined],
        ["osc-secnum-fr1", "/v1/event_types", undefined]
      ])
      expect(reads[0]?.query).toEqual({ name: "webhook" })
    })
  )

  it.scopedLive("event ids for deploys, crashes or all, only among those the platform can send", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const { platform, types } = yield* Effect.gen(function* () {
        const notifiers = yield* NotifiersApi
        return {
          platform: yield* notifiers.webhookPlatform(alice, "osc-fr1"),
          types: yield* notifiers.eventTypes(alice, "osc-fr1")
        }
      }).pipe(Effect.provide(clientLayer(sim)))
      const idOf = (name: string) => types.find((t) => t.name === name)!.id
      const crashes = [idOf("app_crashed"), idOf("app_crashed_repeated")]

      expect(eventIdsFor(["deploys"], types, platform)).toEqual([idOf("app_deployed")])
      // In the catalogue's order, each once.
      const both = types.map((t) => t.id).filter((id) => id === idOf("app_deployed") || crashes.includes(id))
      expect(both).toHaveLength(3)
      expect(eventIdsFor(["crashes", "deploys", "crashes"], types, platform)).toEqual(both)
      expect(eventIdsFor(["all"], types, platform)).toEqual(types.map((t) => t.id))
      const narrow = { ...platform, available_event_ids: [idOf("app_crashed"), "not-a-type"] }
      expect(eventIdsFor(["deploys", "crashes"], types, narrow)).toEqual([idOf("app_crashed")])
      expect(eventIdsFor(["all"], types, narrow)).toEqual([idOf("app_crashed")])
      const silent = { id: "p", name: "webhook" }
      expect(eventIdsFor(["crashes"], types, silent)).toEqual(crashes)
    })
  )

  it.scopedLive("a region without a webhook platform is NotFound, and that answer is not kept", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const empty = JSON.stringify({ notification_platforms: [] })
      sim.faults.add({ path: "/v1/notification_platforms/search", status: 200, body: empty, times: 1 })
      const [missing, found] = yield* Effect.flatMap(NotifiersApi, (notifiers) =>
        Effect.all([
          Effect.flip(notifiers.webhookPlatform(alice, "osc-fr1")),
          notifiers.webhookPlatform(alice, "osc-fr1")
        ])
      ).pipe(Effect.provide(clientLayer(sim)))

      expect(fieldsOf(missing)).toMatchObject({ _tag: "NotFound", resource: "notification_platform" })
      expect(found.name).toBe("webhook")
    })
  )
})

describe("NotifiersApi on an app", () => {
  it.scopedLive("create selects the given events on the webhook platform; list shows it; remove, then gone", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const url = hookUrl(sim)
      const tally: Tally = { requests: [] }
      const { created, listed, removed, again } = yield* Effect.gen(function* () {
        const notifiers = yield* NotifiersApi
        const types = yield* notifiers.eventTypes(alice, "osc-fr1")
        const ids = types.filter((t) => t.name.startsWith("app_crashed")).map((t) => t.id)
        const input = { name: "Slack bot: #ops", webhookUrl: Redacted.make(url), eventIds: ids }
        const created = yield* withTally(notifiers.create(alice, "osc-fr1", "alice-web", input), tally)
        const listed = yield* notifiers.list(alice, "osc-fr1", "alice-web")
        const removed = yield* notifiers.remove(alice, "osc-fr1", "alice-web", created.id)
        return { created, listed, removed, again: yield* notifiers.remove(alice, "osc-fr1", "alice-web", created.id) }
      }).pipe(Effect.provide(clientLayer(sim)))

      expect(tally.requests).toEqual(["GET /v1/notification_platforms/search", "POST /v1/apps/{app}/notifiers"])
      expect(created).toMatchObject({ name: "Slack bot: #ops", active: true, type: "webhook", send_all_events: false })
      expect(Redacted.value(created.type_data!.webhook_url!)).toBe(url)
      expect(String(created.type_data?.webhook_url)).not.toContain("s3cr3t")
      expect(listed.map((n) => n.id)).toEqual([created.id])
      expect(listed[0]?.selected_event_ids).toEqual(created.selected_event_ids)
      expect([removed, again]).toEqual(["removed", "already-gone"])
      expect(sim.notifiersOf("alice", "osc-fr1", "alice-web")).toEqual([])
      expect(requestsTo(sim, { method: "DELETE" }).map((r) => r.status)).toEqual([204, 404])
    })
  )

  it.scopedLive("the notifier Scalingo stores matches what was asked, and it rings on a crash", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      const url = hookUrl(sim)
      yield* Effect.gen(function* () {
        const notifiers = yield* NotifiersApi
        const [platform, types] = [
          yield* notifiers.webhookPlatform(alice, "osc-fr1"),
          yield* notifiers.eventTypes(alice, "osc-fr1")
        ]
        const eventIds = eventIdsFor(["crashes"], types, platform)
        yield* notifiers.create(alice, "osc-fr1", "alice-worker", {
          name: "doorbell",
          webhookUrl: Redacted.make(url),
          eventIds
        })
      }).pipe(Effect.provide(clientLayer(sim)))
      sim.crashApp("alice", "osc-fr1", "alice-worker")
      sim.appendEvent("alice", "osc-fr1", "alice-worker", { type: "restart", type_data: { scope: ["web"] } })
      yield* Effect.promise(() => sim.settleWebhooks())

      expect(sim.notifiersOf("alice", "osc-fr1", "alice-worker")).toMatchObject([
        {
          name: "doorbell",
          active: true,
          platform: "webhook",
          webhookUrl: url,
          sendAllEvents: false,
          selectedEvents: ["app_crashed", "app_crashed_repeated"]
        }
      ])
      expect(sim.webhookDeliveries.map((d) => [d.url, d.eventType])).toEqual([[url, "crash"]])
    })
  )
})
