/**
 * Shapes of the test API for operating and watching apps: formation, operations, deployments, logs,
 * roles, run-time events and notifiers. Every hook names an app by its owner, region and name, like
 * `addApp` does; a wrong owner or name throws (a mistake in the calling test).
 */

export type SimCollaboratorRole = "collaborator" | "limited_collaborator"

/** One container type of a formation; `size` defaults to M. */
export interface SimContainerType {
  readonly name: string
  readonly amount: number
  readonly size?: string
  readonly command?: string
}

export interface SimAppState {
  readonly id: string
  readonly name: string
  readonly status: string
  readonly formation: ReadonlyArray<Required<Omit<SimContainerType, "command">>>
  /** Labels of the running containers: `web-1`, `web-2`, `worker-1`… */
  readonly containers: ReadonlyArray<string>
  readonly collaborators: Readonly<Record<string, SimCollaboratorRole>>
  readonly lastDeployedAt: string | null
  readonly lastDeployedBy: string | null
  readonly lastDeploymentId: string | null
}

export interface AddAutoscalerSpec {
  readonly containerType: string
  readonly minContainers: number
  readonly maxContainers: number
  /** Default "rpm_per_container". */
  readonly metric?: string
  /** Default 150. */
  readonly target?: number
}

/** A custom domain: `certificateValidUntil` absent means no certificate (plain HTTP). */
export interface AddDomainSpec {
  readonly name: string
  readonly canonical?: boolean
  readonly certificateValidUntil?: Date
  /** A Let's Encrypt certificate in this state (`created` when it is issued). */
  readonly letsEncryptStatus?: "pending_dns" | "new" | "created" | "dns_required" | "error"
}

export interface SimAutoscaler {
  readonly id: string
  readonly containerType: string
  readonly disabled: boolean
}

/**
 * How the next restart or scale of an app plays out (used once, by the next operation). By default an
 * operation is `pending` for a third of its duration, `running` until the end, then `done`.
 */
export interface OperationPlan {
  /** Default: the simulator's operation duration. */
  readonly durationMs?: number
  /** The statuses before the final one, spread evenly over the duration; default ["pending", "running"]. */
  readonly statuses?: ReadonlyArray<string>
  /** Ends in `error` with this reason, e.g. "container web-1 failed to restart". */
  readonly error?: string
  /** Any final status, including ones Scalingo never documented; default "done" ("error" with `error`). */
  readonly finalStatus?: string
  /** Never finishes: stays in the last of `statuses`, and the app in `restarting`/`scaling`. */
  readonly never?: boolean
}

export interface SimOperation {
  readonly id: string
  readonly type: string
  readonly status: string
  readonly error: string | null
  /** The URL a 202 answered in `Location`. */
  readonly url: string
}

export type DeploymentOutcome = "success" | "build-error" | "crashed-error" | "timeout-error" | "aborted" | "hook-error"

export interface StartDeploymentSpec {
  /** Default "success". */
  readonly outcome?: DeploymentOutcome
  /** One status change every this many ms (default: the simulator's deployment step); "manual": `step()` only. */
  readonly stepMs?: number | "manual"
  /** Default a fresh 40-hex sha. */
  readonly gitRef?: string
  /** Username of the pusher; default the owner. */
  readonly pusher?: string
  /** Default "deployment"; "archive" as an archive deploy would be. */
  readonly type?: string
  /** Prints no build output at all, so `…/output` answers 404 (the CLI's "no log"). */
  readonly silent?: boolean
}

/** A deployment a test started: it advances on its own (unless manual) or one status per `step()`. */
export interface SimDeploymentHandle {
  readonly id: string
  /** queued → building → pushing → starting → success, or the chosen failure. */
  readonly status: string
  /** Advances one status (no-op once finished) and answers the new one. */
  step(): string
  /** Advances to the end at once. */
  finish(): void
}

export interface SimLogLine {
  /** `web-1`, `worker-1`, `router`, `one-off-1`…; default "web-1". */
  readonly container?: string
  readonly message: string
  /** Default now. */
  readonly at?: Date
}

export interface SimEventUser {
  readonly username: string
  readonly email: string
  readonly id: string
}

export interface AppendEventSpec {
  readonly type: string
  readonly type_data?: Record<string, unknown>
  /** A username of the simulator, or a full user; default the owner. */
  readonly user?: string | SimEventUser
}

export interface CrashSpec {
  /** `repeated_crash` instead of `crash`. */
  readonly repeated?: boolean
  /** Default "web". */
  readonly containerType?: string
}

/** An event as the API renders it. */
export type SimEvent = Record<string, unknown>

export interface SimNotifier {
  readonly id: string
  readonly name: string
  readonly active: boolean
  readonly platform: string
  readonly webhookUrl: string | undefined
  readonly sendAllEvents: boolean
  /** Event type names (`app_deployed`…), resolved from the selected ids. */
  readonly selectedEvents: ReadonlyArray<string>
}

/** One POST the simulator made to a notifier's webhook URL. */
export interface SimWebhookDelivery {
  readonly at: number
  readonly notifierId: string
  readonly app: string
  readonly url: string
  /** The event `type` (`deployment`, `crash`…), or "test" for `POST …/test`. */
  readonly eventType: string
  readonly eventId: string
  /** The JSON body sent. */
  readonly body: string
  /** The HTTP status answered; 0 when it failed before an answer. */
  readonly status: number
  readonly error?: string
}
