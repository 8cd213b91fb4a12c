import { HttpClientLive } from "../../src/HttpClientLive.js"
import { Effect, Layer, Option, Redacted } from "effect"
import type { RequestBudget } from "../../src/scalingo/RequestBudget.js"
import type { Tally } from "../../src/scalingo/RequestTally.js"
import { type ScalingoAccount, scalingoAccount } from "../../src/scalingo/ScalingoAccount.js"
import { type ScalingoClientSettings, ScalingoClientOptions } from "../../src/scalingo/ScalingoClientOptions.js"
import { makeScalingoLayer, ScalingoLive } from "../../src/scalingo/ScalingoLive.js"
import { ScalingoSettings, type ScalingoSettingsValues } from "../../src/scalingo/ScalingoSettings.js"
import { type SimRequest, type Simulator, type SimulatorOptions, startSimulator } from "../../src/simulator/index.js"

/** A simulator for one test, closed when the test's scope ends; its rate limit matches `settingsFor`'s unless given. */
export const simulator = (options: SimulatorOptions = {}) =>
  Effect.acquireRelease(
    Effect.promise(() => startSimulator({ requestsPerMinute: 1_000, ...options })),
    (sim) => Effect.promise(() => sim.close())
  )

/** The Scalingo client's settings as the bot would read them, pointing at the simulator. */
export const settingsFor = (
  sim: Pick<Simulator, "authUrl">,
  overrides: Partial<ScalingoSettingsValues> = {}
): ScalingoSettingsValues => ({
  authUrl: sim.authUrl,
  redisUrl: Option.none(),
  // Generous unless a test is about the budget.
  requestsPerMinute: 100_000,
  ...overrides
})

/** Short timeouts and retry delays so failing paths end quickly. */
export const fastOptions: Partial<ScalingoClientSettings> = {
  requestTimeout: "1 second",
  retryBaseDelay: "20 millis",
  retryWithin: "4 seconds",
  budgetKeyPrefix: `test-${process.pid}-${Date.now()}:`
}

export interface ClientSetup {
  readonly settings?: Partial<ScalingoSettingsValues>
  readonly options?: Partial<ScalingoClientSettings>
  readonly budget?: Layer.Layer<RequestBudget, unknown, ScalingoSettings>
}

/** The real Scalingo services (ScalingoLive unless another budget is given) over real HTTP (fetch) to the simulator. */
export const clientLayer = (sim: Simulator, setup: ClientSetup = {}) =>
  (setup.budget === undefined ? ScalingoLive : makeScalingoLayer(setup.budget)).pipe(
    Layer.provide(HttpClientLive),
    Layer.provide(ScalingoSettings.make(settingsFor(sim, setup.settings))),
    Layer.provide(ScalingoClientOptions.layer({ ...fastOptions, ...setup.options }))
  )

export const accountOf = (sim: Simulator, username: string): ScalingoAccount =>
  scalingoAccount(Redacted.make(sim.accounts[username]!.apiToken))

export const requestsTo = (sim: Simulator, filter: { host?: string; method?: string; path?: string | RegExp }) =>
  sim.requests.filter(
    (r) =>
      (filter.host === undefined || r.host === filter.host) &&
      (filter.method === undefined || r.method === filter.method) &&
      (filter.path === undefined ||
        (typeof filter.path === "string" ? r.path === filter.path : filter.path.test(r.path)))
  )

export const exchangesOf = (sim: Simulator, username: string) =>
  requestsTo(sim, { host: "auth", path: "/v1/tokens/exchange" }).filter((r) => r.account === username)

/** A loopback URL where nothing listens (connections are refused). */
export const unusedLoopbackUrl = Effect.promise(async () => {
  const { createServer } = await import("node:net")
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
})

/** An error's own fields as a plain object (errors carrying a span are proxies vitest cannot diff). */
export const fieldsOf = (error: object): Record<string, unknown> => ({ ...error })

/** The most requests found in any window `(t - windowMs, t]` (the simulator's sliding window). */
export const busiestWindow = (requests: ReadonlyArray<SimRequest>, windowMs: number): number =>
  Math.max(0, ...requests.map((r) => requests.filter((o) => o.at > r.at - windowMs && o.at <= r.at).length))

/** The regions list answered with one region whose API is at `api` (on loopback, like the simulator's). */
export const oneRegionAt = (api: string) => ({
  host: "auth" as const,
  path: "/v1/regions",
  status: 200,
  body: JSON.stringify({ regions: [{ name: "osc-fr1", display_name: "Paris", api, default: true }] })
})

export const freshTally = (): Tally => ({ requests: [] })
