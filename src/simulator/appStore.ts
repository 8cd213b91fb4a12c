import type { RawEvent } from "./eventSamples.js"
import { isoDate, objectId } from "./ids.js"
import { REGION_NAMES, type RegionName } from "./types.js"

/** One app as the simulator keeps it; `appJson` renders it the way the API answers. */
export interface AppRecord {
  readonly id: string
  readonly name: string
  readonly region: RegionName
  readonly owner: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly status: string
  readonly lastDeployedAt: string | null
  readonly lastDeployedBy: string | null
  readonly lastDeploymentId: string | null
  /** Newest first. */
  events: Array<RawEvent>
}

export interface NewApp {
  readonly name: string
  readonly region: RegionName
  readonly owner: string
  readonly status?: string
  readonly lastDeployedAt?: string | null
  readonly lastDeployedBy?: string | null
  /** Default now (an app created through the API); seeded apps are older than their events. */
  readonly createdAtMs?: number
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
    return {
      id: objectId(createdAtMs),
      name: spec.name,
      region: spec.region,
      owner: spec.owner,
      createdAt: isoDate(createdAtMs),
      updatedAt: isoDate(
        lastDeployedAt === null ? createdAtMs : Math.max(createdAtMs, Date.parse(lastDeployedAt) || createdAtMs)
      ),
      status: spec.status ?? "new",
      lastDeployedAt,
      lastDeployedBy: spec.lastDeployedBy ?? null,
      lastDeploymentId: lastDeployedAt === null ? null : objectId(Date.parse(lastDeployedAt) || now),
      events: []
    }
  }

  insert(app: AppRecord): void {
    const inRegion = this.apps.get(app.region)!
    if (inRegion.has(app.name)) throw new Error(`Simulator: app "${app.name}" already exists in ${app.region}`)
    inRegion.set(app.name, app)
  }

  isTaken(region: RegionName, name: string): boolean {
    return this.apps.get(region)!.has(name)
  }

  /** The app only when `owner` owns it: someone else's app is as absent as a missing one. */
  find(region: RegionName, name: string, owner: string): AppRecord | undefined {
    const app = this.apps.get(region)!.get(name)
    return app?.owner === owner ? app : undefined
  }

  ownedBy(region: RegionName, owner: string): Array<AppRecord> {
    return [...this.apps.get(region)!.values()].filter((app) => app.owner === owner)
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
