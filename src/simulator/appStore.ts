import type { RawEvent } from "./eventSamples.js"
import { containersFor, type FormationSpec, formationOf } from "./formation.js"
import { isoDate, objectId } from "./ids.js"
import type { AppRecord, Role } from "./records.js"
import { REGION_NAMES, type RegionName } from "./types.js"

export type { AppRecord } from "./records.js"

export interface NewApp {
  readonly name: string
  readonly region: RegionName
  readonly owner: string
  readonly status?: string
  readonly lastDeployedAt?: string | null
  readonly lastDeployedBy?: string | null
  /** Default now (an app created through the API); seeded apps are older than their events. */
  readonly createdAtMs?: number
  /** Default: none for a never-deployed (`new`) app, else one M web container (0 when stopped). */
  readonly formation?: ReadonlyArray<FormationSpec>
}

/** What an account may do with an app it reaches, and the app. */
export interface AppAccess {
  readonly app: AppRecord
  readonly role: Role
}

/** Apps by region then name (names are unique per region, whoever owns them), account events by owner. */
export class AppStore {
  private readonly apps = new Map<RegionName, Map<string, AppRecord>>(REGION_NAMES.map((region) => [region, new Map()]))
  private readonly accountEvents = new Map<string, Array<RawEvent>>()
  private readonly creationDisabled = new Set<RegionName>()

  build(spec: NewApp): AppRecord {
    const now = Date.now()
    const lastDeployedAt = spec.lastDeployedAt ?? null
    const createdAtMs = spec.createdAtMs ?? now
    const status = spec.status ?? "new"
    const formation = formationOf(spec.formation, status)
    return {
      id: objectId(createdAtMs),
      name: spec.name,
      region: spec.region,
      owner: spec.owner,
      createdAt: isoDate(createdAtMs),
      updatedAt: isoDate(
        lastDeployedAt === null ? createdAtMs : Math.max(createdAtMs, Date.parse(lastDeployedAt) || createdAtMs)
      ),
      status,
      lastDeployedAt,
      lastDeployedBy: spec.lastDeployedBy ?? null,
      lastDeploymentId: null,
      events: [],
      formation,
      containers: containersFor(formation, [], createdAtMs),
      collaborators: new Map(),
      deployments: [],
      operations: new Map(),
      autoscalers: [],
      notifiers: [],
      domains: [],
      logs: [],
      alive: true
    }
  }

  insert(app: AppRecord): void {
    const inRegion = this.apps.get(app.region)!
    if (inRegion.has(app.name)) throw new Error(`Simulator: app "${app.name}" already exists in ${app.region}`)
    inRegion.set(app.name, app)
  }

  remove(app: AppRecord): void {
    this.apps.get(app.region)!.delete(app.name)
    app.alive = false
  }

  isTaken(region: RegionName, name: string): boolean {
    return this.apps.get(region)!.has(name)
  }

  /** The app only when `owner` owns it: someone else's app is as absent as a missing one. */
  find(region: RegionName, name: string, owner: string): AppRecord | undefined {
    const app = this.apps.get(region)!.get(name)
    return app?.owner === owner ? app : undefined
  }

  /** The app by name or id (Scalingo accepts either in URLs) with `username`'s role on it, if any. */
  access(region: RegionName, nameOrId: string, username: string): AppAccess | undefined {
    const inRegion = this.apps.get(region)!
    const app = inRegion.get(nameOrId) ?? [...inRegion.values()].find((candidate) => candidate.id === nameOrId)
    if (app === undefined) return undefined
    if (app.owner === username) return { app, role: "owner" }
    const role = app.collaborators.get(username)
    return role === undefined ? undefined : { app, role }
  }

  ownedBy(region: RegionName, owner: string): Array<AppRecord> {
    return [...this.apps.get(region)!.values()].filter((app) => app.owner === owner)
  }

  /** Owned and shared apps, as `GET /v1/apps` lists them. */
  visibleTo(region: RegionName, username: string): Array<AppRecord> {
    return [...this.apps.get(region)!.values()].filter(
      (app) => app.owner === username || app.collaborators.has(username)
    )
  }

  accountEventsOf(owner: string, region: RegionName): Array<RawEvent> {
    const key = `${owner}/${region}`
    let events = this.accountEvents.get(key)
    if (events === undefined) {
      events = []
      this.accountEvents.set(key, events)
    }
    return events
  }

  /** Puts a batch (newest first) on top of the timeline; no spread into arguments, so any size works. */
  prependAccountEvents(owner: string, region: RegionName, events: ReadonlyArray<RawEvent>): void {
    this.accountEvents.set(`${owner}/${region}`, [...events, ...this.accountEventsOf(owner, region)])
  }

  disableCreation(region: RegionName): void {
    this.creationDisabled.add(region)
  }

  creationIsDisabled(region: RegionName): boolean {
    return this.creationDisabled.has(region)
  }
}
