import type {
  AddAutoscalerSpec,
  AddDomainSpec,
  AppendEventSpec,
  CrashSpec,
  OperationPlan,
  SimAppState,
  SimAutoscaler,
  SimCollaboratorRole,
  SimContainerType,
  SimDeploymentHandle,
  SimEvent,
  SimLogLine,
  SimNotifier,
  SimOperation,
  SimWebhookDelivery,
  StartDeploymentSpec
} from "./operateTypes.js"

/**
 * The part of the simulator's test API about operating and watching apps. `owner`, `region`, `app`
 * name an existing app of that owner; anything else throws.
 */
export interface SimulatorOperateApi {
  /** The logs host (no bearer; `logs_url` points here). Its requests are logged with host "logs". */
  readonly logsUrl: string

  /** A snapshot of the app: status, formation, running containers, collaborators, last deployment. */
  appState(owner: string, region: string, app: string): SimAppState
  /** Sets the app's status as the platform would (`booting`, `stopped`…), without events. */
  setAppStatus(owner: string, region: string, app: string, status: string): void
  /** Replaces the formation (and restarts the containers to match). */
  setFormation(owner: string, region: string, app: string, formation: ReadonlyArray<SimContainerType>): void
  /** An autoscaler on one container type; a manual scale of that type disables it. */
  addAutoscaler(owner: string, region: string, app: string, spec: AddAutoscalerSpec): SimAutoscaler
  autoscalersOf(owner: string, region: string, app: string): ReadonlyArray<SimAutoscaler>
  /** A custom domain (one canonical at most: a new canonical one takes it over); returns its id. */
  addDomain(owner: string, region: string, app: string, spec: AddDomainSpec): string

  /** Shapes the app's next restart or scale (one use). See `OperationPlan`. */
  planNextOperation(owner: string, region: string, app: string, plan: OperationPlan): void
  /** The default duration of every later operation. */
  setOperationDuration(ms: number): void
  /** The app's operations, oldest first. */
  operationsOf(owner: string, region: string, app: string): ReadonlyArray<SimOperation>

  /**
   * Starts a deployment (queued first). Each status change appends build output; the end appends the
   * `deployment` event (and notifies) and updates the app's last-deployment fields.
   */
  startDeployment(owner: string, region: string, app: string, spec?: StartDeploymentSpec): SimDeploymentHandle

  /** Appends lines to the app's logs, as its containers or the router would print them. */
  appendLogs(owner: string, region: string, app: string, lines: ReadonlyArray<SimLogLine | string>): void

  /** Shares the app: it shows up in that account's `GET /v1/apps`, with that role's rights. */
  shareApp(owner: string, region: string, app: string, username: string, role: SimCollaboratorRole): void
  unshareApp(owner: string, region: string, app: string, username: string): void
  /** Deletes the app: every later request about it answers 404, running work on it stops. */
  deleteApp(owner: string, region: string, app: string): void

  /** Appends an event to the app's timeline (and the owner's), delivering it to matching notifiers. */
  appendEvent(owner: string, region: string, app: string, spec: AppendEventSpec): SimEvent
  /** Status `crashed`, plus a `crash` (or `repeated_crash`) event, delivered to matching notifiers. */
  crashApp(owner: string, region: string, app: string, spec?: CrashSpec): SimEvent

  notifiersOf(owner: string, region: string, app: string): ReadonlyArray<SimNotifier>
  /** Every webhook POST answered (or failed) so far, in that order, with the answer or the error. */
  readonly webhookDeliveries: ReadonlyArray<SimWebhookDelivery>
  /** Resolves once every webhook POST started so far has been answered or has failed. */
  settleWebhooks(): Promise<void>
}
