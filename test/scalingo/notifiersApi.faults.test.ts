import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted, Schema } from "effect"
import { NotifiersApi } from "../../src/scalingo/NotifiersApi.js"
import { NotifierResponse, NotifiersResponse } from "../../src/scalingo/schemas/notifier.js"
import { recordingLogger, recordingTracer } from "./observe.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

const SECRET_PATH = "d00rb3ll-f00dfacef00dface"

/** The notifier in DOC notifiers.md's list example (its URL a Slack hook, also a secret). */
const documented = {
  id: "no-824fd8bb-0efe-4b7b-9605-1b98110abeef",
  name: "My notifier",
  active: true,
  type: "slack",
  platform_id: "5982f145d48c3600273ef089",
  created_at: "2018-05-14T11:46:42.077+02:00",
  updated_at: "2019-04-10T20:51:32.298+02:00",
  send_all_alerts: false,
  send_all_events: false,
  selected_event_ids: [],
  app_id: "53e45e576461730a0c021817",
  app: "my-app",
  type_data: { webhook_url: "https://hooks.slack.com/services/AAAAAAAAAAA/BBBBBBBBBBB/cccccddddeeeefffff" }
}

describe("NotifiersApi faults", () => {
  it.scopedLive(
    "a create or a remove whose answer is lost is sent once: ScalingoUnavailable that may have applied",
    () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        sim.faults.add({ method: "POST", path: "/v1/apps/alice-web/notifiers", reset: true })
        sim.faults.add({ method: "DELETE", path: /^\/v1\/apps\/alice-web\/notifiers\//, reset: true })
        const [created, removed] = yield* Effect.gen(function* () {
          const notifiers = yield* NotifiersApi
          const input = { name: "bot", webhookUrl: Redacted.make(`${sim.authUrl}/hooks/${SECRET_PATH}`), eventIds: [] }
          return [
            yield* Effect.flip(notifiers.create(alice, "osc-fr1", "alice-web", input)),
            yield* Effect.flip(notifiers.remove(alice, "osc-fr1", "alice-web", "no-1234"))
          ] as const
        }).pipe(Effect.provide(clientLayer(sim)))

        for (const error of [created, removed])
          expect(fieldsOf(error)).toMatchObject({
            _tag: "ScalingoUnavailable",
            reason: "transport",
            mayHaveApplied: true
          })
        expect(requestsTo(sim, { method: "POST", path: "/v1/apps/alice-web/notifiers" })).toHaveLength(1)
        expect(requestsTo(sim, { method: "DELETE" })).toHaveLength(1)
      })
  )

  it.scopedLive("403 for a limited collaborator, 404 for an app out of reach, 422 with the webhook URL hidden", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const [alice, erin, bob] = [accountOf(sim, "alice"), accountOf(sim, "erin"), accountOf(sim, "bob")]
      const url = `${sim.authUrl}/hooks/${SECRET_PATH}`
      sim.faults.add({
        method: "POST",
        path: "/v1/apps/alice-worker/notifiers",
        status: 422,
        body: JSON.stringify({ errors: { webhook_url: [`${url} is not reachable`] } })
      })
      const logs = recordingLogger()
      const { tracer, recorded } = yield* recordingTracer
      const errors = yield* Effect.gen(function* () {
        const notifiers = yield* NotifiersApi
        const create = (account: typeof alice, app: string) =>
          Effect.flip(
            notifiers.create(account, "osc-fr1", app, { name: "bot", webhookUrl: Redacted.make(url), eventIds: [] })
          )
        return [yield* create(erin, "alice-web"), yield* create(bob, "alice-web"), yield* create(alice, "alice-worker")]
      }).pipe(Effect.withTracer(tracer), Effect.provide(clientLayer(sim)), Effect.provide(logs.layer))

      expect(errors.map(fieldsOf)).toMatchObject([
        { _tag: "Forbidden" },
        { _tag: "NotFound", resource: "app" },
        { _tag: "InvalidInput", fields: { webhook_url: ["[redacted] is not reachable"] } }
      ])
      const seen = [
        JSON.stringify(logs.lines),
        JSON.stringify(recorded().map((s) => [s.name, ...s.attributes])),
        ...errors.map((e) => `${JSON.stringify(fieldsOf(e))} ${inspect(e)}`)
      ].join("\n")
      expect(seen).not.toContain(SECRET_PATH)
      expect(sim.notifiersOf("alice", "osc-fr1", "alice-web")).toEqual([])
    })
  )

  it("the documented notifiers decode, the webhook URL kept Redacted, under either root for a created one", () => {
    const email = { ...documented, id: "no-2", type: "email", type_data: { user_ids: ["us-1"], emails: [] } }
    const { notifiers } = Schema.decodeUnknownSync(NotifiersResponse)({ notifiers: [documented, email, { name: "x" }] })
    expect(notifiers.map((n) => [n.id, n.type, n.selected_event_ids])).toEqual([
      [documented.id, "slack", []],
      ["no-2", "email", []]
    ])
    expect(Redacted.isRedacted(notifiers[0]?.type_data?.webhook_url)).toBe(true)
    expect(inspect(notifiers)).not.toContain("hooks.slack.com")
    expect(notifiers[1]?.type_data?.webhook_url).toBeUndefined()
    for (const root of ["notifier", "notifiers"]) {
      const { notifier } = Schema.decodeUnknownSync(NotifierResponse)({ [root]: { ...documented, type: "teams" } })
      expect([notifier.id, notifier.type]).toEqual([documented.id, "teams"])
    }
  })
})
