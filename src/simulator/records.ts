import type { RawEvent } from "./eventSamples.js"
import type { RegionName } from "./types.js"

/** The mutable state the simulator keeps per app; routes render it, engines and test hooks change it. */

export type CollaboratorRole = "collaborator" | "limited_collaborator"
export type Role = "owner" | CollaboratorRole

/** One container type of the formation (`GET /containers`). */
export interface ContainerTypeRecord {
  readonly id: string
  readonly name: string
  amount: number
  size: string
  readonly command: string
}

/** One running container (`GET /ps`). */
export interface ContainerRecord {
  readonly id: string
  readonly type: string
  readonly typeIndex: number
  readonly createdAt: string
  state: string
  readonly size: string
}

export interface OperationRecord {
  readonly id: string
  readonly type: string
  readonly createdAt: string
  finishedAt: string | null
  status: string
  error: string | null
}

export interface DeploymentRecord {
  readonly id: string
  readonly createdAt: string
  finishedAt: string | null
  status: string
  readonly gitRef: string
  readonly previousGitRef: string | null
  readonly type: string
  duration: number
  imageSize: number
  readonly pusher: { readonly id: string; readonly email: string; readonly username: string }
  /** Build log lines, appended as the deployment advances; empty means "no output" (404). */
  output: Array<string>
}

export interface AutoscalerRecord {
  readonly id: string
  readonly createdAt: string
  updatedAt: string
  readonly containerType: string
  minContainers: number
  maxContainers: number
  metric: string
  target: number
  disabled: boolean
}

/** A custom domain; `validity` null means no certificate (Go's zero date on the wire). */
export interface DomainRecord {
  readonly id: string
  readonly name: string
  canonical: boolean
  validity: string | null
  letsEncrypt: boolean
  /** `pending_dns`, `new`, `created`, `dns_required` or `error`; "" without Let's Encrypt. */
  letsEncryptStatus: string
  acmeDnsFqdn: string
  acmeDnsValue: string
}

export interface NotifierRecord {
  readonly id: string
  readonly createdAt: string
  updatedAt: string
  name: string
  active: boolean
  readonly platformId: string
  readonly platformName: string
  sendAllEvents: boolean
  sendAllAlerts: boolean
  selectedEventIds: Array<string>
  typeData: Record<string, unknown>
}

export interface LogLine {
  readonly atMs: number
  /** `web-1`, `router`, `one-off-1`… */
  readonly label: string
  readonly message: string
}

export interface AppRecord {
  readonly id: string
  readonly name: string
  readonly region: RegionName
  readonly owner: string
  readonly createdAt: string
  updatedAt: string
  status: string
  lastDeployedAt: string | null
  lastDeployedBy: string | null
  lastDeploymentId: string | null
  /** Newest first. */
  events: Array<RawEvent>
  formation: Array<ContainerTypeRecord>
  containers: Array<ContainerRecord>
  readonly collaborators: Map<string, CollaboratorRole>
  /** Newest first. */
  deployments: Array<DeploymentRecord>
  readonly operations: Map<string, OperationRecord>
  autoscalers: Array<AutoscalerRecord>
  notifiers: Array<NotifierRecord>
  domains: Array<DomainRecord>
  /** Oldest first, as the logs service dumps them. */
  logs: Array<LogLine>
  /** False once the app is deleted: engines holding a reference stop touching it. */
  alive: boolean
}
