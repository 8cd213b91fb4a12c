import { Accounts } from "./accounts.js"
import { AppEvents } from "./appEvents.js"
import { appsRoutes } from "./appsRoutes.js"
import { AppStore } from "./appStore.js"
import { authRoutes, userSelfRoute } from "./authRoutes.js"
import { Bearers } from "./bearers.js"
import { containersRoutes } from "./containersRoutes.js"
import { domainsRoutes } from "./domains.js"
import { Deployments } from "./deployments.js"
import { deploymentsRoutes } from "./deploymentsRoutes.js"
import { eventsRoutes } from "./eventsRoutes.js"
import { FaultTable } from "./faults.js"
import { LogTokens } from "./logs.js"
import { logsRoutes } from "./logsRoutes.js"
import { catalogueRoutes, notifiersRoutes } from "./notifiersRoutes.js"
import { operateRoutes } from "./operateRoutes.js"
import { Operations } from "./operations.js"
import { SlidingWindowLimiter } from "./rateLimit.js"
import { dispatch, type Gate, identify } from "./router.js"
import { seedDemo } from "./seed.js"
import { type RunningHost, startHost } from "./server.js"
import { setupApi } from "./setupApi.js"
import { testApi } from "./testApi.js"
import { Timers } from "./timers.js"
import { REGION_NAMES, type RegionName, type Simulator, type SimRequest, type SimulatorOptions } from "./types.js"
import { Webhooks } from "./webhooks.js"

export type * from "./types.js"
export { ALL_EVENT_TYPES_APP, FORTY_SEVEN_EVENTS_APP } from "./seed.js"

/**
 * A faithful fake of Scalingo: the auth host, the two regional API hosts and the logs host as real
 * HTTP servers, with accounts, apps (formation, operations, deployments, logs, collaborators,
 * notifiers), events, the per-account rate limit, injectable faults and a request log.
 */
export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const hostname = options.host ?? "127.0.0.1"
  const authPort = options.authPort ?? 0
  const port = (offset: number) => (authPort === 0 ? 0 : authPort + offset)
  const accounts = new Accounts()
  const store = new AppStore()
  const faults = new FaultTable()
  const bearers = new Bearers(options.bearerTtlSeconds ?? 3600)
  const timers = new Timers()
  const webhooks = new Webhooks(options.webhookTimeoutMs ?? 5000)
  const events = new AppEvents(accounts, store, webhooks)
  const operations = new Operations(timers, options.operationDurationMs ?? 3000)
  const deployments = new Deployments(timers, events, options.deploymentStepMs ?? 1500)
  const logTokens = new LogTokens()
  const gate: Gate = {
    accounts,
    bearers,
    limiter: new SlidingWindowLimiter(options.requestsPerMinute ?? 60, options.rateWindowMs ?? 60_000)
  }
  let requests: Array<SimRequest> = []
  const hostDeps = { faults, log: (entry: SimRequest) => void requests.push(entry), identify: identify(gate) }

  const started: Array<RunningHost> = []
  const regionUrls = new Map<RegionName, string>()
  const close = async () => {
    timers.close()
    webhooks.close()
    await Promise.all(started.map((host) => host.close()))
  }
  try {
    const logsHost = await startHost(
      { ...hostDeps, host: "logs", handler: logTokens.handler(), identify: () => undefined },
      hostname,
      port(3)
    )
    started.push(logsHost)
    for (const [index, region] of REGION_NAMES.entries()) {
      const selfUrl = () => regionUrls.get(region)!
      const routes = [
        ...appsRoutes(store, accounts, region),
        ...eventsRoutes(store, region),
        ...containersRoutes(store, region),
        ...domainsRoutes(store, region),
        ...operateRoutes({ store, region, operations, events, selfUrl }),
        ...deploymentsRoutes(store, region, selfUrl),
        ...logsRoutes(store, accounts, region, logTokens, () => logsHost.url),
        ...notifiersRoutes(store, region, events, webhooks),
        ...catalogueRoutes,
        userSelfRoute
      ]
      const host = await startHost(
        { ...hostDeps, host: region, handler: dispatch(gate, routes) },
        hostname,
        port(1 + index)
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

    const regionUrl = (region: RegionName) => regionUrls.get(region)!
    const simulator: Simulator = {
      authUrl: auth.url,
      regions: REGION_NAMES.map((name) => ({ name, apiUrl: regionUrl(name) })),
      ...setupApi({ accounts, store }),
      ...testApi({ accounts, store, operations, deployments, events, webhooks, regionUrl, logsUrl: logsHost.url }),
      get webhookDeliveries() {
        return webhooks.all
      },
      faults,
      get requests() {
        return requests.slice()
      },
      clearRequests: () => {
        requests = []
      },
      expireBearers: () => bearers.expireAll(),
      issuedBearers: () => bearers.all(),
      close
    }
    if (options.seed ?? true) seedDemo(simulator)
    return simulator
  } catch (error) {
    await close()
    throw error
  }
}
