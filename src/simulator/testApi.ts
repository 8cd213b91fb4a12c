import type { Accounts } from "./accounts.js"
import { type AppEvents, PLATFORM_USER, webhookUrlOf } from "./appEvents.js"
import type { AppStore } from "./appStore.js"
import type { Deployments } from "./deployments.js"
import { addDomain } from "./domains.js"
import { containersFor, formationOf, labelOf } from "./formation.js"
import { isoDate, stableUuid } from "./ids.js"
import { EVENT_TYPES } from "./notifierCatalogue.js"
import type { SimulatorOperateApi } from "./operateApi.js"
import type { Operations } from "./operations.js"
import type { AppRecord } from "./records.js"
import { isRegionName, type RegionName } from "./types.js"
import type { Webhooks } from "./webhooks.js"

/** The operate-and-watch test hooks (see `SimulatorOperateApi`), over the simulator's live state. */

export interface TestApiDeps {
  readonly accounts: Accounts
  readonly store: AppStore
  readonly operations: Operations
  readonly deployments: Deployments
  readonly events: AppEvents
  readonly webhooks: Webhooks
  readonly regionUrl: (region: RegionName) => string
  readonly logsUrl: string
}

export const regionOf = (name: string): RegionName => {
  if (!isRegionName(name)) throw new Error(`Simulator: unknown region "${name}"`)
  return name
}

/** Without `webhookDeliveries`: a getter the simulator object defines itself (a spread would freeze it). */
export const testApi = (deps: TestApiDeps): Omit<SimulatorOperateApi, "webhookDeliveries"> => {
  const { accounts, store, operations, events } = deps
  const appOf = (owner: string, region: string, name: string): AppRecord => {
    const app = store.find(regionOf(region), name, accounts.require(owner).account.username)
    if (app === undefined) throw new Error(`Simulator: ${owner} has no app "${name}" in ${region}`)
    return app
  }
  return {
    logsUrl: deps.logsUrl,
    appState: (owner, region, name) => {
      const app = appOf(owner, region, name)
      return {
        id: app.id,
        name: app.name,
        status: app.status,
        formation: app.formation.map(({ name: type, amount, size }) => ({ name: type, amount, size })),
        containers: app.containers.map(labelOf),
        collaborators: Object.fromEntries(app.collaborators),
        lastDeployedAt: app.lastDeployedAt,
        lastDeployedBy: app.lastDeployedBy,
        lastDeploymentId: app.lastDeploymentId
      }
    },
    setAppStatus: (owner, region, name, status) => {
      appOf(owner, region, name).status = status
    },
    setFormation: (owner, region, name, formation) => {
      const app = appOf(owner, region, name)
      app.formation = formationOf(formation, app.status === "new" ? "running" : app.status)
      app.containers = containersFor(app.formation, [])
    },
    addAutoscaler: (owner, region, name, spec) => {
      const app = appOf(owner, region, name)
      if (!app.formation.some((type) => type.name === spec.containerType)) {
        throw new Error(`Simulator: ${name} has no container type "${spec.containerType}"`)
      }
      const now = isoDate(Date.now())
      const id = `au-${stableUuid(`autoscaler:${app.id}:${spec.containerType}:${app.autoscalers.length}`)}`
      app.autoscalers.push({
        id,
        createdAt: now,
        updatedAt: now,
        containerType: spec.containerType,
        minContainers: spec.minContainers,
        maxContainers: spec.maxContainers,
        metric: spec.metric ?? "rpm_per_container",
        target: spec.target ?? 150,
        disabled: false
      })
      return { id, containerType: spec.containerType, disabled: false }
    },
    autoscalersOf: (owner, region, name) =>
      appOf(owner, region, name).autoscalers.map(({ id, containerType, disabled }) => ({
        id,
        containerType,
        disabled
      })),
    addDomain: (owner, region, name, spec) => addDomain(appOf(owner, region, name), spec),
    planNextOperation: (owner, region, name, plan) => operations.plan(appOf(owner, region, name), plan),
    setOperationDuration: (ms) => operations.setDuration(ms),
    operationsOf: (owner, region, name) => {
      const app = appOf(owner, region, name)
      return [...app.operations.values()].map((operation) => ({
        id: operation.id,
        type: operation.type,
        status: operation.status,
        error: operation.error,
        url: `${deps.regionUrl(app.region)}/v1/apps/${app.name}/operations/${operation.id}`
      }))
    },
    startDeployment: (owner, region, name, spec = {}) => {
      const app = appOf(owner, region, name)
      return deps.deployments.start(app, events.userOf(app, spec.pusher), spec)
    },
    appendLogs: (owner, region, name, lines) => {
      const app = appOf(owner, region, name)
      for (const line of lines) {
        const spec = typeof line === "string" ? { message: line } : line
        app.logs.push({
          atMs: spec.at?.getTime() ?? Date.now(),
          label: spec.container ?? "web-1",
          message: spec.message
        })
      }
    },
    shareApp: (owner, region, name, username, role) => {
      const app = appOf(owner, region, name)
      accounts.require(username)
      if (username === app.owner) throw new Error(`Simulator: ${username} already owns ${name}`)
      app.collaborators.set(username, role)
    },
    unshareApp: (owner, region, name, username) => {
      appOf(owner, region, name).collaborators.delete(username)
    },
    deleteApp: (owner, region, name) => store.remove(appOf(owner, region, name)),
    appendEvent: (owner, region, name, spec) => {
      const app = appOf(owner, region, name)
      return events.record(app, spec.type, spec.type_data ?? {}, events.userOf(app, spec.user))
    },
    crashApp: (owner, region, name, spec = {}) => {
      const app = appOf(owner, region, name)
      const containerType = spec.containerType ?? "web"
      const crashLogs = `Error: ${containerType}-1 exited with code 137 (out of memory)`
      app.status = "crashed"
      app.logs.push({ atMs: Date.now(), label: `${containerType}-1`, message: crashLogs })
      const logsUrl = `https://dashboard.scalingo.com/apps/${app.region}/${app.name}/logs`
      const typeData = { container_type: containerType, crash_logs: crashLogs, logs_url: logsUrl }
      return events.record(app, spec.repeated === true ? "repeated_crash" : "crash", typeData, PLATFORM_USER)
    },
    notifiersOf: (owner, region, name) =>
      appOf(owner, region, name).notifiers.map((notifier) => ({
        id: notifier.id,
        name: notifier.name,
        active: notifier.active,
        platform: notifier.platformName,
        webhookUrl: webhookUrlOf(notifier),
        sendAllEvents: notifier.sendAllEvents,
        selectedEvents: notifier.selectedEventIds.map((id) => EVENT_TYPES.find((e) => e.id === id)?.name ?? id)
      })),
    settleWebhooks: () => deps.webhooks.settle()
  }
}
