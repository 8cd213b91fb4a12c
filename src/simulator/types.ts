import type { SimulatorOperateApi } from "./operateApi.js"

/** The simulator's public shapes: what tests, benchmarks and `npm run simulator` code against. */

export type * from "./operateApi.js"
export type * from "./operateTypes.js"

export const REGION_NAMES = ["osc-fr1", "osc-secnum-fr1"] as const
export type RegionName = (typeof REGION_NAMES)[number]
/** "logs": the logs host that serves `logs_url`. */
export type SimHost = "auth" | RegionName | "logs"

export const isRegionName = (value: string): value is RegionName =>
  (REGION_NAMES as ReadonlyArray<string>).includes(value)

export interface SimulatorOptions {
  /** Default "127.0.0.1". */
  host?: string
  /** Default 0 (ephemeral). When non-zero, the regional hosts listen on +1 and +2, the logs host on +3. */
  authPort?: number
  /** Lifetime of exchanged bearers; default 3600 (Scalingo's one hour). */
  bearerTtlSeconds?: number
  /** Per account; default 60 (Scalingo's documented limit). */
  requestsPerMinute?: number
  /** The sliding window the limit applies to; default 60_000 (tests shrink it). */
  rateWindowMs?: number
  /** Default true: the demo accounts alice, bob, carol and erin with their apps and events. */
  seed?: boolean
  /** How long a restart or scale runs (pending a third of it, then running); default 3000. */
  operationDurationMs?: number
  /** How long each status of a started deployment lasts; default 1500. */
  deploymentStepMs?: number
  /** How long a webhook POST may take before it counts as failed; default 5000. */
  webhookTimeoutMs?: number
}

export interface SimAccount {
  readonly id: string
  readonly username: string
  readonly email: string
  readonly apiToken: string
}

export interface CreateAccountSpec {
  username: string
  email?: string
  /** Default ["osc-fr1"]. */
  regions?: ReadonlyArray<string>
  /** Default true; false makes POST /v1/apps answer 402. */
  billingVerified?: boolean
  /** Default: a stable `tk-us-…` derived from the username. */
  apiToken?: string
}

export interface AddAppSpec {
  name: string
  /** Default "running". */
  status?: string
  /** With a date, the app gets one successful deployment made then (its `last_deployment_id`). */
  lastDeployedAt?: string | null
  lastDeployedBy?: string | null
  /** Default: none for status "new", else one M web container (zero when "stopped"). */
  formation?: ReadonlyArray<{ name: string; amount: number; size?: string; command?: string }>
  /**
   * With `lastDeployedAt`: how many finished deployments it has had (default 1), the newest made then,
   * older ones 1 to 3 days apart, some of them failed.
   */
  pastDeployments?: number
  /** The newest past deployment's status; default "success". */
  lastDeploymentStatus?: "success" | "build-error" | "crashed-error" | "timeout-error" | "aborted" | "hook-error"
  /** Log lines already printed (router and containers, over the last hour); default 0. */
  logLines?: number
}

export interface SimFault {
  host?: SimHost
  method?: string
  /** A string matches the path exactly (no query); a RegExp is tested against the path. */
  path?: string | RegExp
  /** Only the next N matching requests; default: every matching request. */
  times?: number
  /** Wait this long, then answer as the rest of the fault says (normal handling when nothing else). */
  latencyMs?: number
  status?: number
  body?: string
  contentType?: string
  /** Destroy the socket without answering. */
  reset?: boolean
  /** Answer 200 with a truncated JSON body. */
  malformedJson?: boolean
}

export interface SimFaults {
  add(fault: SimFault): void
  clear(): void
}

export interface SimRequest {
  readonly at: number
  readonly host: SimHost
  readonly method: string
  readonly path: string
  readonly query: Record<string, string>
  /** The username the request authenticated as (or claimed to, when a fault answered first). */
  readonly account?: string
  /** 0 when a `reset` fault destroyed the socket. */
  readonly status: number
  readonly userAgent?: string
  readonly dryRun: boolean
}

export interface Simulator extends SimulatorOperateApi {
  readonly authUrl: string
  readonly regions: ReadonlyArray<{ name: RegionName; apiUrl: string }>
  readonly accounts: Record<string, SimAccount>
  createAccount(spec: CreateAccountSpec): SimAccount
  revokeToken(apiToken: string): void
  addApp(username: string, region: string, app: AddAppSpec): void
  addAppEvents(username: string, region: string, appName: string, count: number): void
  addAccountEvents(username: string, region: string, count: number): void
  disableAppCreation(region: string): void
  /** The apps the account owns there (not the ones shared with it). */
  appsOf(username: string, region: string): ReadonlyArray<{ name: string }>
  readonly faults: SimFaults
  readonly requests: ReadonlyArray<SimRequest>
  clearRequests(): void
  expireBearers(): void
  /** Every bearer issued so far (for tests proving none leaks into logs or storage). */
  issuedBearers(): ReadonlyArray<string>
  close(): Promise<void>
}
