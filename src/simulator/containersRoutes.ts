import { appRoute } from "./appRoute.js"
import type { AppStore } from "./appStore.js"
import { formationJson, psJson } from "./formation.js"
import { stableUuid } from "./ids.js"
import type { AutoscalerRecord } from "./records.js"
import { json } from "./reply.js"
import type { Route } from "./router.js"
import { allSizesJson } from "./sizes.js"
import type { RegionName } from "./types.js"

/** Formation, running containers, autoscalers and the container size catalogue of a regional host. */

/** DOC autoscalers.md's object (its `last_scale` zero date when it never scaled). */
export const autoscalerJson = (appId: string, autoscaler: AutoscalerRecord): Record<string, unknown> => ({
  id: autoscaler.id,
  app_id: appId,
  created_at: autoscaler.createdAt,
  updated_at: autoscaler.updatedAt,
  last_scale: "0001-01-01T00:00:00Z",
  container_type: autoscaler.containerType,
  min_containers: autoscaler.minContainers,
  max_containers: autoscaler.maxContainers,
  metric: autoscaler.metric,
  target: autoscaler.target,
  disabled: autoscaler.disabled,
  alert_id_scale_up: `al-${stableUuid(`${autoscaler.id}:up`)}`,
  alert_id_scale_down: `al-${stableUuid(`${autoscaler.id}:down`)}`
})

export const containersRoutes = (store: AppStore, region: RegionName): ReadonlyArray<Route> => [
  appRoute(store, region, {
    method: "GET",
    under: "/containers",
    permission: "read",
    handle: (_context, { app }) => json(200, { containers: formationJson(app.id, app.formation) })
  }),
  appRoute(store, region, {
    method: "GET",
    under: "/ps",
    permission: "read",
    handle: (_context, { app }) => json(200, { containers: psJson(app.id, region, app.containers) })
  }),
  appRoute(store, region, {
    method: "GET",
    under: "/autoscalers",
    permission: "read",
    handle: (_context, { app }) =>
      json(200, { autoscalers: app.autoscalers.map((autoscaler) => autoscalerJson(app.id, autoscaler)) })
  }),
  {
    // DOC container_sizes.md: "This endpoint can be reached unauthenticated".
    method: "GET",
    pattern: /^\/v1\/features\/container_sizes$/,
    auth: "optional",
    handle: () => json(200, { container_sizes: allSizesJson(region) })
  }
]
