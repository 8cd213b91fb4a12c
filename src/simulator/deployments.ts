import { randomBytes, randomUUID } from "node:crypto"
import type { AppEvents } from "./appEvents.js"
import { outputFor } from "./buildOutput.js"
import { containersFor, formationOf } from "./formation.js"
import { isoDate } from "./ids.js"
import type { DeploymentOutcome, SimDeploymentHandle, SimEventUser, StartDeploymentSpec } from "./operateTypes.js"
import type { AppRecord, DeploymentRecord } from "./records.js"
import type { Timers } from "./timers.js"

/**
 * Deployments move queued → building → pushing → starting → success (DOC deployments.md), or stop
 * in a failure: build-error and aborted while building, hook-error after pushing (the postdeploy hook
 * runs before the new containers start), crashed-error and timeout-error while starting.
 */

const FLOW = ["queued", "building", "pushing", "starting"] as const
const FAILS_AFTER: Record<DeploymentOutcome, (typeof FLOW)[number]> = {
  success: "starting",
  "build-error": "building",
  aborted: "building",
  "hook-error": "pushing",
  "crashed-error": "starting",
  "timeout-error": "starting"
}

export const statusesOf = (outcome: DeploymentOutcome): Array<string> => [
  ...FLOW.slice(0, FLOW.indexOf(FAILS_AFTER[outcome]) + 1),
  outcome
]

const IMAGE_SIZE = 104_857_600

export const randomSha = (): string => randomBytes(20).toString("hex")

export const newDeployment = (
  app: AppRecord,
  pusher: SimEventUser,
  options: { gitRef?: string; type?: string; atMs?: number }
): DeploymentRecord => ({
  id: randomUUID(),
  createdAt: isoDate(options.atMs ?? Date.now()),
  finishedAt: null,
  status: "queued",
  gitRef: options.gitRef ?? randomSha(),
  previousGitRef: app.deployments[0]?.gitRef ?? null,
  type: options.type ?? "deployment",
  duration: 0,
  imageSize: 0,
  pusher: { id: pusher.id, email: pusher.email, username: pusher.username },
  output: []
})

/** Enters `status`: its output lines, the image once pushed, and the end fields when it is the last. */
export const enter = (
  app: AppRecord,
  deployment: DeploymentRecord,
  status: string,
  atMs: number,
  silent = false
): void => {
  deployment.status = status
  if (!silent) deployment.output.push(...outputFor(status, app, deployment.gitRef))
  if (status === "pushing") deployment.imageSize = IMAGE_SIZE
  if ((FLOW as ReadonlyArray<string>).includes(status)) return
  deployment.finishedAt = isoDate(atMs)
  deployment.duration = Math.round((atMs - Date.parse(deployment.createdAt)) / 1000)
  app.lastDeployedAt = deployment.createdAt
  app.lastDeployedBy = deployment.pusher.username
  app.updatedAt = deployment.finishedAt
  if (status === "success") app.lastDeploymentId = deployment.id
}

/** The `deployment` event's type_data, as DOC events.md and GO write it. */
const eventData = (app: AppRecord, deployment: DeploymentRecord): Record<string, unknown> => ({
  deployment_id: deployment.id,
  deployment_uuid: deployment.id,
  deployment_type: deployment.type,
  pusher: deployment.pusher.username,
  git_ref: deployment.gitRef,
  git_ref_url: `https://github.com/${app.owner}/${app.name}/commit/${deployment.gitRef}`,
  status: deployment.status,
  duration: deployment.duration,
  stack: "scalingo-22",
  finished_at: deployment.finishedAt,
  last_commits: { commits: [], remaining: 0 }
})

export class Deployments {
  constructor(
    private readonly timers: Timers,
    private readonly events: AppEvents,
    private readonly defaultStepMs: number
  ) {}

  start(app: AppRecord, pusher: SimEventUser, spec: StartDeploymentSpec = {}): SimDeploymentHandle {
    const deployment = newDeployment(app, pusher, spec)
    const statuses = statusesOf(spec.outcome ?? "success")
    app.deployments.unshift(deployment)
    const silent = spec.silent === true
    enter(app, deployment, "queued", Date.now(), silent)
    // A first deployment is the app booting (DOC apps.md `booting`); a running app keeps serving meanwhile.
    const firstOne = app.status === "new"
    if (firstOne) app.status = "booting"
    let position = 0
    const step = (): string => {
      if (position >= statuses.length - 1 || !app.alive) return deployment.status
      position += 1
      enter(app, deployment, statuses[position]!, Date.now(), silent)
      if (position === statuses.length - 1) this.finished(app, deployment, firstOne)
      return deployment.status
    }
    const stepMs = spec.stepMs ?? this.defaultStepMs
    const tick = () => {
      step()
      if (position < statuses.length - 1) this.timers.after(stepMs as number, tick)
    }
    if (stepMs !== "manual") this.timers.after(stepMs, tick)
    return {
      id: deployment.id,
      get status() {
        return deployment.status
      },
      step,
      finish: () => {
        while (position < statuses.length - 1 && app.alive) step()
      }
    }
  }

  private finished(app: AppRecord, deployment: DeploymentRecord, firstOne: boolean): void {
    if (deployment.status === "success") {
      if (app.formation.length === 0) app.formation = formationOf(undefined, "running")
      app.containers = containersFor(app.formation, app.containers)
      if (firstOne || app.status === "booting") app.status = "running"
    } else if (firstOne) {
      app.status = "new"
    }
    this.events.record(app, "deployment", eventData(app, deployment), this.events.userOf(app, deployment.pusher))
  }
}
