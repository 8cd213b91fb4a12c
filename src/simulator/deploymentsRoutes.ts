import { appRoute, limitedForbidden } from "./appRoute.js"
import type { AppStore } from "./appStore.js"
import { pageFromQuery } from "./pagination.js"
import type { AppRecord, DeploymentRecord } from "./records.js"
import { json, text } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"

/** An app's deployments (newest first, paginated), one deployment, and its build log. */

/** DSC roles: limited collaborators read deployment logs "only for deployments < 7 days". */
const LIMITED_LOG_AGE_MS = 7 * 86_400_000

export const deploymentJson = (app: AppRecord, deployment: DeploymentRecord, baseUrl: string) => ({
  id: deployment.id,
  app_id: app.id,
  created_at: deployment.createdAt,
  finished_at: deployment.finishedAt,
  status: deployment.status,
  git_ref: deployment.gitRef,
  previous_git_ref: deployment.previousGitRef,
  type: deployment.type,
  duration: deployment.duration,
  image_size: deployment.imageSize,
  stack_base_image: "scalingo/scalingo-22:v23.4.1",
  pusher: { ...deployment.pusher },
  // As DOC's examples: under the app's id, on the regional host.
  links: { output: `${baseUrl}/v1/apps/${app.id}/deployments/${deployment.id}/output` }
})

const deploymentNotFound = () => json(404, { resource: "deployment", error: "not found" })

export const deploymentsRoutes = (store: AppStore, region: RegionName, selfUrl: () => string): ReadonlyArray<Route> => [
  appRoute(store, region, {
    method: "GET",
    under: "/deployments",
    permission: "read",
    handle: (context, { app }) =>
      pageFromQuery(
        "deployments",
        app.deployments.map((deployment) => deploymentJson(app, deployment, selfUrl())),
        context.query
      )
  }),
  appRoute(store, region, {
    method: "GET",
    under: "/deployments/([^/]+)",
    permission: "read",
    handle: (_context, { app }, [id]) => {
      const deployment = app.deployments.find((candidate) => candidate.id === id)
      return deployment === undefined
        ? deploymentNotFound()
        : json(200, { deployment: deploymentJson(app, deployment, selfUrl()) })
    }
  }),
  appRoute(store, region, {
    method: "GET",
    under: "/deployments/([^/]+)/output",
    permission: "read",
    handle: (_context, { app, role }, [id]) => {
      const deployment = app.deployments.find((candidate) => candidate.id === id)
      if (deployment === undefined) return deploymentNotFound()
      if (role === "limited_collaborator" && Date.now() - Date.parse(deployment.createdAt) > LIMITED_LOG_AGE_MS) {
        return limitedForbidden()
      }
      // The CLI reads a 404 here as "no log".
      if (deployment.output.length === 0) return json(404, { resource: "output", error: "not found" })
      return text(200, `${deployment.output.join("\n")}\n`)
    }
  })
]
