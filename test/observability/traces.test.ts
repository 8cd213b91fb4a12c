import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { BOT_TOKEN, commandReply, linkAccounts, startWorld, type World } from "../support/world.js"
import { descendantsOf, type ReceivedSpan, startOtlpReceiver, type OtlpReceiver } from "./otlpReceiver.js"

/**
 * Traces end to end: the real bot with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a collector on
 * loopback; each command is one trace whose children include a span per Scalingo request.
 */

/**
 * The Scalingo request a span stands for. Today the span is `ScalingoHttp.send` with a `request`
 * attribute ("GET /v1/apps"); once renamed it is `Scalingo <METHOD> <template>` with
 * `http.request.method`, `url.template` and `http.response.status_code`, which are then required.
 */
const scalingoRequestOf = (span: ReceivedSpan): { method: string; path: string } | undefined => {
  const renamed = /^Scalingo ([A-Z]+) (\/\S*)$/.exec(span.name)
  if (renamed !== null) {
    expect(span.attributes).toMatchObject({ "http.request.method": renamed[1], "url.template": renamed[2] })
    expect(span.attributes["http.response.status_code"]).toBeTypeOf("number")
    return { method: renamed[1]!, path: renamed[2]! }
  }
  if (span.name !== "ScalingoHttp.send") return undefined
  const [method, path] = String(span.attributes.request).split(" ")
  return { method: method!, path: path! }
}

/** The one root span of the command run with `subcommand`. */
const rootOf = (receiver: OtlpReceiver, subcommand: string) => {
  const roots = receiver.spans.filter((s) => s.name === "SlashCommand" && s.attributes.subcommand === subcommand)
  expect(roots, `spans received: ${receiver.spans.map((s) => s.name).join(", ")}`).toHaveLength(1)
  expect(roots[0]!.parentSpanId).toBeUndefined()
  return roots[0]!
}

describe("traces over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT set)", () => {
  let world: World
  let receiver: OtlpReceiver
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
    world = await startWorld({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.endpoint}/` } })
    await linkAccounts(world, { "U-ALICE": "alice" })
    expect((await commandReply(world, "apps", { userId: "U-ALICE" })).text).toContain("alice-web")
    expect((await commandReply(world, "whoami", { userId: "U-ALICE" })).text).toContain("alice@example.com")
    // Stopping flushes what is buffered (the exporter also sends every few seconds on its own).
    expect(await world.bot.stop("SIGTERM")).toBe(0)
  }, 60_000)
  afterAll(async () => {
    await world?.close()
    await receiver?.close()
  })

  it("exports JSON to <endpoint>/v1/traces, naming the service scalingo-slack-bot", () => {
    expect(receiver.strayRequests).toEqual([])
    expect(receiver.spans.length).toBeGreaterThan(0)
    for (const span of receiver.spans) expect(span.resource["service.name"]).toBe("scalingo-slack-bot")
  })

  it("makes each command one trace, with a child span per Scalingo request it made", () => {
    const apps = rootOf(receiver, "apps")
    const whoami = rootOf(receiver, "whoami")
    expect(apps.traceId).not.toBe(whoami.traceId)
    const below = descendantsOf(receiver.spans, apps)
    expect(below.length).toBeGreaterThan(1)
    const requests = below.map(scalingoRequestOf).filter((r) => r !== undefined)
    // alice reaches two regions: one GET /v1/apps each (the regions list may come from the cache).
    expect(requests.filter((r) => r.method === "GET" && r.path === "/v1/apps")).toHaveLength(2)
    // Every span of the trace hangs under its root: nothing of it is orphaned or in another trace.
    const inTrace = receiver.spans.filter((s) => s.traceId === apps.traceId)
    expect(inTrace).toHaveLength(below.length + 1)
  })

  it("keeps secrets out: no token, bearer or response_url path in any exported span", () => {
    const exported = receiver.bodies.join("\n")
    const secrets = [
      BOT_TOKEN,
      world.sim.accounts.alice!.apiToken,
      ...world.sim.issuedBearers(),
      // A response_url lets anyone answer the person for 30 minutes: its path is a secret too.
      ...world.slack.responses.map((r) => `/response/${r.id}`)
    ]
    expect(secrets.length).toBeGreaterThan(3)
    for (const secret of secrets) expect(exported).not.toContain(secret)
  })
})
