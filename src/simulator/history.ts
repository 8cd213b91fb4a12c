import { enter, newDeployment, statusesOf } from "./deployments.js"
import type { DeploymentOutcome, SimEventUser } from "./operateTypes.js"
import type { AppRecord } from "./records.js"
import { labelOf } from "./formation.js"

/** Past deployments and log lines for apps that predate the simulator's start (seeding, `addApp`). */

const DAY_MS = 86_400_000
/** Older deployments cycle through these, so a history shows failures too. */
const PAST: ReadonlyArray<DeploymentOutcome> = [
  "success",
  "build-error",
  "success",
  "timeout-error",
  "success",
  "aborted"
]

/**
 * `count` finished deployments, the newest made at the app's `last_deployed_at` and ending as `newest`,
 * each older one 1 to 3 days before the next. `last_deployment_id` becomes the newest success.
 */
export const seedDeployments = (
  app: AppRecord,
  pusher: SimEventUser,
  count: number,
  newest: DeploymentOutcome = "success"
): void => {
  if (app.lastDeployedAt === null || count <= 0) return
  const kept = { at: app.lastDeployedAt, by: app.lastDeployedBy, updated: app.updatedAt }
  const lastMs = Date.parse(app.lastDeployedAt)
  let atMs = lastMs
  const times = [lastMs]
  for (let index = 1; index < count; index++) {
    atMs -= DAY_MS * (1 + (index % 3))
    times.unshift(atMs)
  }
  times.forEach((startMs, index) => {
    const outcome = index === count - 1 ? newest : PAST[(count - 1 - index) % PAST.length]!
    const deployment = newDeployment(app, pusher, { atMs: startMs })
    app.deployments.unshift(deployment)
    const statuses = statusesOf(outcome)
    const durationMs = 40_000 + ((index * 37_000) % 110_000)
    for (const [step, status] of statuses.entries()) {
      enter(app, deployment, status, startMs + (durationMs * step) / (statuses.length - 1))
    }
  })
  // The seeded app's own dates stay as given (they may be written differently).
  app.lastDeployedAt = kept.at
  app.lastDeployedBy = kept.by
  app.updatedAt = kept.updated
}

const PATHS = ["/", "/login", "/api/items", "/api/items/42", "/health", "/assets/app.js"]

/** `count` lines over the last hour: router access lines and the app's own, from its running containers. */
export const seedLogs = (app: AppRecord, count: number): void => {
  const labels = app.containers.map(labelOf)
  if (labels.length === 0) return
  const now = Date.now()
  for (let index = 0; index < count; index++) {
    const atMs = now - (count - index) * 45_000
    const path = PATHS[index % PATHS.length]!
    const status = index % 17 === 16 ? 500 : 200
    if (index % 3 === 0) {
      const host = `${app.name}.${app.region}.scalingo.io`
      const message = `method=GET path="${path}" host=${host} status=${status} duration=${12 + (index % 40)}ms`
      app.logs.push({ atMs, label: "router", message })
    } else {
      const label = labels[Math.floor(index / 3) % labels.length]!
      const message = label.startsWith("web")
        ? `Started GET "${path}" - Completed ${status} in ${3 + (index % 90)}ms`
        : `job ${1000 + index} processed in ${(index % 9) / 10 + 0.1}s`
      app.logs.push({ atMs, label, message })
    }
  }
}
