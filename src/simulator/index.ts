import { Accounts } from "./accounts.js"
import { appsRoutes } from "./appsRoutes.js"
import { AppStore } from "./appStore.js"
import { authRoutes, userSelfRoute } from "./authRoutes.js"
import { Bearers } from "./bearers.js"
import { makeEvents, sampleIsAboutAnApp } from "./eventFactory.js"
import { eventsRoutes } from "./eventsRoutes.js"
import { FaultTable } from "./faults.js"
import { SlidingWindowLimiter } from "./rateLimit.js"
import { dispatch, type Gate, identify } from "./router.js"
import { seedDemo } from "./seed.js"
import { type RunningHost, startHost } from "./server.js"
import {
  isRegionName,
  REGION_NAMES,
  type RegionName,
  type Simulator,
  type SimRequest,
  type SimulatorOptions
} from "./types.js"

export type * from "./types.js"
export { ALL_EVENT_TYPES_APP, FORTY_SEVEN_EVENTS_APP } from "./seed.js"

/** Apps added by the test API predate the events added to them. */
const SEEDED_APP_AGE_MS = 180 * 86_400_000

/**
 * A faithful fake of Scalingo: the auth host and the two regional API hosts as real HTTP servers,
 * with accounts, apps, events, the per-account rate limit, injectable faults and a request log.
 */
export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const hostname = options.host ?? "127.0.0.1"
  const authPort = options.authPort ?? 0
  const accounts = new Accounts()
  const store = new AppStore()
  const faults = new FaultTable()
  const bearers = new Bearers(options.bearerTtlSeconds ?? 3600)
  const gate: Gate = {
    accounts,
    bearers,
    limiter: new SlidingWindowLimiter(options.requestsPerMinute ?? 60, options.rateWindowMs ?? 60_000)
  }
  let requests: Array<SimRequest> = []
  const hostDeps = { faults, log: (entry: SimRequest) => void requests.push(entry), identify: identify(gate) }

  const started: Array<RunningHost> = []
  const regionUrls = new Map<RegionName, string>()
  try {
    for (const [index, region] of REGION_NAMES.entries()) {
      const routes = [...appsRoutes(store, region), ...eventsRoutes(store, region), userSelfRoute]
      const host = await startHost(
        { ...hostDeps, host: region, handler: dispatch(gate, routes) },
        hostname,
        authPort === 0 ? 0 : authPort + 1 + index
      )
      started.push(host)
      regionUrls.set(region, host.url)
    }
    const auth = await startHost(
      {
        ...hostDeps,
        host: "auth",
        handler: dispatch(
          gate,
          authRoutes(bearers, (region) => regionUrls.get(region)!)
        )
      },
      hostname,
      authPort
    )
    started.push(auth)

    const region = (name: string): RegionName => {
      if (!isRegionName(name)) throw new Error(`Simulator: unknown region "${name}"`)
      return name
    }
    const ownApp = (username: string, regionName: string, appName: string) => {
      const app = store.find(region(regionName), appName, accounts.require(username).account.username)
      if (app === undefined) throw new Error(`Simulator: ${username} has no app "${appName}" in ${regionName}`)
      return app
    }

    const simulator: Simulator = {
      authUrl: auth.url,
      regions: REGION_NAMES.map((name) => ({ name, apiUrl: regionUrls.get(name)! })),
      accounts: accounts.byUsername,
      createAccount: (spec) => accounts.create(spec),
      revokeToken: (apiToken) => accounts.revoke(apiToken),
      addApp: (username, regionName, app) => {
        accounts.require(username)
        store.insert(
          store.build({
            ...app,
            status: app.status ?? "running",
            region: region(regionName),
            owner: username,
            createdAtMs: Date.now() - SEEDED_APP_AGE_MS
          })
        )
      },
      addAppEvents: (username, regionName, appName, count) => {
        const app = ownApp(username, regionName, appName)
        const events = makeEvents({
          count,
          user: accounts.require(username).account,
          existing: app.events,
          appFor: () => app
        })
        app.events = [...events, ...app.events]
      },
      addAccountEvents: (username, regionName, count) => {
        const user = accounts.require(username).account
        const apps = store.ownedBy(region(regionName), username)
        const events = makeEvents({
          count,
          user,
          existing: store.accountEventsOf(username, region(regionName)),
          appFor: (index, sample) =>
            sampleIsAboutAnApp(sample) && apps.length > 0 ? apps[index % apps.length] : undefined
        })
        store.prependAccountEvents(username, region(regionName), events)
      },
      disableAppCreation: (regionName) => store.disableCreation(region(regionName)),
      appsOf: (username, regionName) => store.ownedBy(region(regionName), username).map(({ name }) => ({ name })),
      faults,
      get requests() {
        return requests.slice()
      },
      clearRequests: () => {
        requests = []
      },
      expireBearers: () => bearers.expireAll(),
      issuedBearers: () => bearers.all(),
      close: async () => {
        await Promise.all(started.map((host) => host.close()))
      }
    }
    if (options.seed ?? true) seedDemo(simulator)
    return simulator
  } catch (error) {
    await Promise.all(started.map((host) => host.close()))
    throw error
  }
}
