import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Simulator, startSimulator } from "../../src/simulator/index.js"
import { bearerFor, call, eventually, jsonOf, regionUrl } from "./client.js"
import { startWebhookReceiver, type WebhookReceiver } from "./webhookReceiver.js"

let sim: Simulator
let alice: string
let osc: string
let receiver: WebhookReceiver
let count = 0
let webhookPlatform: string
let eventTypes: Array<{ id: string; name: string }>
beforeAll(async () => {
  sim = await startSimulator({ deploymentStepMs: 10, operationDurationMs: 30, requestsPerMinute: 100_000 })
  alice = await bearerFor(sim, "alice")
  osc = regionUrl(sim, "osc-fr1")
  receiver = await startWebhookReceiver()
  const search = await jsonOf<{ notification_platforms: Array<{ id: string }> }>(
    await fetch(`${osc}/v1/notification_platforms/search?name=webhook`)
  )
  webhookPlatform = search.notification_platforms[0]!.id
  eventTypes = (
    await jsonOf<{ event_types: Array<{ id: string; name: string }> }>(await fetch(`${osc}/v1/event_types`))
  ).event_types
})
afterAll(async () => {
  await sim.close()
  await receiver.close()
})

const idOf = (name: string) => eventTypes.find((type) => type.name === name)!.id

const freshApp = (): string => {
  const name = `notified-app-${++count}`
  sim.addApp("alice", "osc-fr1", { name, lastDeployedAt: new Date().toISOString() })
  return name
}

const create = async (app: string, body: unknown, status = 201) =>
  (
    await jsonOf<{ notifier: Record<string, unknown> }>(
      await call(osc, `/v1/apps/${app}/notifiers`, alice, { method: "POST", body: JSON.stringify(body) }),
      status
    )
  ).notifier

const deliveriesTo = (path: string) => receiver.received.filter((call) => call.path === path)

describe("catalogues", () => {
  it("finds the webhook platform by name, without auth, with its available event ids", async () => {
    const { notification_platforms: found } = await jsonOf<{ notification_platforms: Array<Record<string, unknown>> }>(
      await fetch(`${osc}/v1/notification_platforms/search?name=webhook`)
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ id: "5982f145d48c3600273ef08a", name: "webhook", display_name: "Webhook" })
    const available = found[0]!["available_event_ids"] as Array<string>
    for (const name of ["app_deployed", "app_crashed", "app_crashed_repeated", "app_restarted", "app_scaled"]) {
      expect(available).toContain(idOf(name))
    }
    const all = await jsonOf<{ notification_platforms: Array<{ name: string }> }>(
      await call(osc, "/v1/notification_platforms", alice)
    )
    expect(all.notification_platforms.map((p) => p.name)).toEqual(["email", "slack", "webhook", "rocker_chat"])
    const one = await jsonOf<{ notification_platform: { name: string } }>(
      await fetch(`${osc}/v1/notification_platforms/5982f145d48c3600273ef089`)
    )
    expect(one.notification_platform.name).toBe("slack")
  })

  it("lists event types with DOC's fields, app_deployed under DOC's id", async () => {
    const { event_types: types } = await jsonOf<{ event_types: Array<Record<string, unknown>> }>(
      await call(osc, "/v1/event_types", alice)
    )
    expect(types.find((type) => type["name"] === "app_deployed")).toEqual({
      id: "5982f139d48c360021b1eb4b",
      category_id: "5982f139d48c360021b1eb44",
      name: "app_deployed",
      display_name: "App deployed",
      description: "An app was deployed"
    })
    expect(new Set(types.map((type) => type["id"])).size).toBe(types.length)
  })
})

describe("notifiers", () => {
  it("creates from the Go client's notifier root and from the docs' notifiers root, answering 201", async () => {
    const app = freshApp()
    const go = await create(app, {
      notifier: {
        platform_id: webhookPlatform,
        name: "bot",
        active: true,
        send_all_events: false,
        send_all_alerts: true,
        selected_event_ids: [idOf("app_deployed"), idOf("app_crashed")],
        type_data: { webhook_url: `${receiver.url}/go` }
      }
    })
    expect(go).toMatchObject({
      name: "bot",
      active: true,
      type: "webhook",
      platform_id: webhookPlatform,
      send_all_events: false,
      send_all_alerts: true,
      selected_event_ids: [idOf("app_deployed"), idOf("app_crashed")],
      app: app,
      type_data: { webhook_url: `${receiver.url}/go` }
    })
    expect(String(go["id"])).toMatch(/^no-[0-9a-f-]{36}$/)
    const docs = await create(app, {
      notifiers: {
        platform_id: webhookPlatform,
        active: true,
        name: "docs",
        type_data: { webhook_url: `${receiver.url}/d` }
      }
    })
    expect(docs).toMatchObject({ name: "docs", send_all_events: false, selected_event_ids: [] })
    const legacy = await create(app, {
      notifier: {
        platform_id: webhookPlatform,
        name: "names",
        selected_events: ["app_scaled"],
        type_data: { webhook_url: `${receiver.url}/n` }
      }
    })
    expect(legacy["selected_event_ids"]).toEqual([idOf("app_scaled")])
  })

  it("refuses a body without platform, name or webhook URL, or with an unknown event type, with 422", async () => {
    const app = freshApp()
    const url = { webhook_url: `${receiver.url}/x` }
    const cases: Array<[unknown, Record<string, Array<string>>]> = [
      [{}, { notifier: ["missing field"] }],
      [{ notifier: { name: "x", type_data: url } }, { platform_id: ["is invalid"] }],
      [{ notifier: { platform_id: webhookPlatform, type_data: url } }, { name: ["can't be blank"] }],
      [{ notifier: { platform_id: webhookPlatform, name: "x" } }, { webhook_url: ["can't be blank"] }],
      [
        { notifier: { platform_id: webhookPlatform, name: "x", type_data: { webhook_url: "ftp://x" } } },
        { webhook_url: ["is invalid"] }
      ],
      [
        { notifier: { platform_id: webhookPlatform, name: "x", type_data: url, selected_event_ids: ["nope"] } },
        { selected_event_ids: ["'nope' is not an event type"] }
      ]
    ]
    for (const [body, errors] of cases) {
      const response = await call(osc, `/v1/apps/${app}/notifiers`, alice, {
        method: "POST",
        body: JSON.stringify(body)
      })
      expect(response.status, JSON.stringify(body)).toBe(422)
      expect(await response.json()).toEqual({ errors })
    }
    expect(sim.notifiersOf("alice", "osc-fr1", app)).toEqual([])
  })

  it("lists, shows, updates and deletes (204), recording each change in the app's timeline", async () => {
    const app = freshApp()
    const made = await create(app, {
      notifier: { platform_id: webhookPlatform, name: "ops", type_data: { webhook_url: `${receiver.url}/ops` } }
    })
    const path = `/v1/apps/${app}/notifiers/${String(made["id"])}`
    const listed = await jsonOf<{ notifiers: Array<Record<string, unknown>> }>(
      await call(osc, `/v1/apps/${app}/notifiers`, alice)
    )
    expect(listed.notifiers).toEqual([made])
    expect((await jsonOf<{ notifier: unknown }>(await call(osc, path, alice))).notifier).toEqual(made)
    const patched = await jsonOf<{ notifier: Record<string, unknown> }>(
      await call(osc, path, alice, {
        method: "PATCH",
        body: JSON.stringify({ notifier: { active: false, send_all_events: true } })
      })
    )
    expect(patched.notifier).toMatchObject({ active: false, send_all_events: true, name: "ops" })
    const deleted = await call(osc, path, alice, { method: "DELETE" })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe("")
    expect((await call(osc, path, alice)).status).toBe(404)
    const { events } = await jsonOf<{ events: Array<{ type: string; type_data: Record<string, unknown> }> }>(
      await call(osc, `/v1/apps/${app}/events`, alice)
    )
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(["delete_notifier", "edit_notifier", "new_notifier"])
    expect(events[2]!.type_data).toMatchObject({
      notifier_name: "ops",
      platform_name: "webhook",
      notifier_type: "webhook"
    })
  })
})

describe("webhook deliveries", () => {
  it("POSTs the deployment event to a notifier that selected app_deployed once the deployment is done", async () => {
    const app = freshApp()
    const made = await create(app, {
      notifier: {
        platform_id: webhookPlatform,
        name: "deploys",
        selected_event_ids: [idOf("app_deployed")],
        type_data: { webhook_url: `${receiver.url}/deploys/${app}` }
      }
    })
    const handle = sim.startDeployment("alice", "osc-fr1", app, { gitRef: "abc123" })
    const [delivery] = await eventually(() => {
      const got = deliveriesTo(`/deploys/${app}`)
      return got.length > 0 ? got : undefined
    })
    expect(delivery!.headers["content-type"]).toBe("application/json")
    expect(delivery!.body).toMatchObject({
      app_name: app,
      type: "deployment",
      user: { username: "alice" },
      type_data: { deployment_id: handle.id, git_ref: "abc123", status: "success" }
    })
    const { events } = await jsonOf<{ events: Array<Record<string, unknown>> }>(
      await call(osc, `/v1/apps/${app}/events`, alice)
    )
    expect(delivery!.body).toEqual(events.find((e) => e["type"] === "deployment"))
    await sim.settleWebhooks()
    const recorded = sim.webhookDeliveries.filter((d) => d.notifierId === made["id"])
    expect(recorded.map((d) => [d.eventType, d.status, d.url])).toEqual([
      ["deployment", 200, `${receiver.url}/deploys/${app}`]
    ])
  })

  it("delivers crashes to app_crashed and app_crashed_repeated subscribers, not to others", async () => {
    const app = freshApp()
    const notifier = (name: string, selected: Array<string>, extra: Record<string, unknown> = {}) =>
      create(app, {
        notifier: {
          platform_id: webhookPlatform,
          name,
          selected_event_ids: selected.map(idOf),
          type_data: { webhook_url: `${receiver.url}/${name}/${app}` },
          ...extra
        }
      })
    await notifier("crashes", ["app_crashed"])
    await notifier("repeats", ["app_crashed_repeated"])
    await notifier("deploys", ["app_deployed"])
    await notifier("off", ["app_crashed"], { active: false })
    // Created last, so the only notifier event it hears of is its own creation.
    await notifier("everything", [], { send_all_events: true })
    const crash = sim.crashApp("alice", "osc-fr1", app)
    sim.crashApp("alice", "osc-fr1", app, { repeated: true, containerType: "worker" })
    await sim.settleWebhooks()
    const types = (name: string) => deliveriesTo(`/${name}/${app}`).map((d) => d.body["type"])
    expect(types("crashes")).toEqual(["crash"])
    expect(types("repeats")).toEqual(["repeated_crash"])
    expect(types("deploys")).toEqual([])
    expect(types("everything")).toEqual(["new_notifier", "crash", "repeated_crash"])
    expect(types("off")).toEqual([])
    expect(deliveriesTo(`/crashes/${app}`)[0]!.body).toEqual(crash)
    expect(crash).toMatchObject({
      type: "crash",
      app_name: app,
      user: { username: "scalingo-platform", email: "deploy@scalingo.com" },
      type_data: { container_type: "web" }
    })
    expect(sim.appState("alice", "osc-fr1", app).status).toBe("crashed")
  })

  it("records a failed delivery with its error, and keeps serving the API", async () => {
    const app = freshApp()
    const closed = await startWebhookReceiver()
    await closed.close()
    await create(app, {
      notifier: {
        platform_id: webhookPlatform,
        name: "gone",
        send_all_events: true,
        type_data: { webhook_url: `${closed.url}/hook` }
      }
    })
    const event = sim.appendEvent("alice", "osc-fr1", app, { type: "restart", type_data: { scope: ["web"] } })
    await sim.settleWebhooks()
    const failed = sim.webhookDeliveries.find((d) => d.eventId === event["id"])!
    expect(failed.status).toBe(0)
    expect(failed.error).toMatch(/ECONNREFUSED/)
    expect((await call(osc, `/v1/apps/${app}`, alice)).status).toBe(200)
  })

  it("sends restart and scale events when those operations are done", async () => {
    const app = freshApp()
    await create(app, {
      notifier: {
        platform_id: webhookPlatform,
        name: "ops",
        selected_event_ids: [idOf("app_restarted"), idOf("app_scaled")],
        type_data: { webhook_url: `${receiver.url}/ops/${app}` }
      }
    })
    await call(osc, `/v1/apps/${app}/restart`, alice, { method: "POST", body: "{}" })
    await eventually(() => (sim.appState("alice", "osc-fr1", app).status === "running" ? true : undefined))
    await call(osc, `/v1/apps/${app}/scale`, alice, {
      method: "POST",
      body: JSON.stringify({ containers: [{ name: "web", amount: 2 }] })
    })
    const got = await eventually(() =>
      deliveriesTo(`/ops/${app}`).length === 2 ? deliveriesTo(`/ops/${app}`) : undefined
    )
    expect(got.map((d) => d.body["type"])).toEqual(["restart", "scale"])
  })

  it("POSTs a test payload on POST …/test and answers 204", async () => {
    const app = freshApp()
    const made = await create(app, {
      notifier: { platform_id: webhookPlatform, name: "t", type_data: { webhook_url: `${receiver.url}/test/${app}` } }
    })
    const response = await call(osc, `/v1/apps/${app}/notifiers/${String(made["id"])}/test`, alice, { method: "POST" })
    expect(response.status).toBe(204)
    await sim.settleWebhooks()
    expect(deliveriesTo(`/test/${app}`).map((d) => d.body)).toEqual([
      expect.objectContaining({
        type: "test",
        app_name: app,
        type_data: { notifier_id: made["id"], notifier_name: "t" }
      })
    ])
  })
})
