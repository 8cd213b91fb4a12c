import type { AppEvents } from "./appEvents.js"
import { type AppRequest, appRoute } from "./appRoute.js"
import { parseJson } from "./appsRoutes.js"
import type { AppStore } from "./appStore.js"
import { containersFor, formationJson, labelOf } from "./formation.js"
import { type Operations, operationJson } from "./operations.js"
import type { AppRecord } from "./records.js"
import { empty, json, type Reply, type RequestContext } from "./reply.js"
import type { Route } from "./router.js"
import { billingRefusal, checkScale } from "./scaleRules.js"
import type { RegionName } from "./types.js"

/** Restart and scale (202 + `Location` of an operation), and the operation itself. */

export interface OperateDeps {
  readonly store: AppStore
  readonly region: RegionName
  readonly operations: Operations
  readonly events: AppEvents
  /** This regional host's base URL: `Location` points at the same host. */
  readonly selfUrl: () => string
}

const badJson = (reason: string): Reply =>
  json(400, { error: `There was a problem in the JSON you submitted: ${reason}` })

/**
 * "No other operation is doable until the app status has switched to running again" (DOC apps.md).
 * The answer is not documented; ISS Scalingo/cli#195 saw a 422 whose `errors` is an array when the
 * app was already scaling, so that shape it is (wording ours).
 */
const busy = (app: AppRecord): Reply =>
  json(422, { errors: [`an operation is already in progress on this app (status: ${app.status})`] })

const accepted = (deps: OperateDeps, app: AppRecord, operationId: string, body?: unknown): Reply => {
  const headers = { location: `${deps.selfUrl()}/v1/apps/${app.name}/operations/${operationId}` }
  return body === undefined ? empty(202, headers) : { ...json(202, body), headers }
}

/** `scope`: absent, null or [] = every type; entries are types (`web`) or containers (`web-1`); JS sends a string. */
const scopeOf = (body: unknown): Array<string> | undefined => {
  const scope = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["scope"] : undefined
  if (typeof scope === "string") return scope === "" ? [] : [scope]
  if (Array.isArray(scope)) return scope.map(String)
  return scope === undefined || scope === null ? [] : undefined
}

const restart = async (deps: OperateDeps, context: RequestContext, { app, account }: AppRequest): Promise<Reply> => {
  const body = parseJson(await context.readBody())
  if (!body.ok) return badJson(body.reason)
  const scope = scopeOf(body.value)
  if (scope === undefined) return json(422, { errors: { scope: ["must be an array of container types"] } })
  const labels = app.containers.map(labelOf)
  const unknown = scope.find((entry) => !app.formation.some((type) => type.name === entry) && !labels.includes(entry))
  // GO maps this resource to "This type of container was not found, please ensure it is present in your Procfile".
  if (unknown !== undefined) return json(404, { resource: "container_type", error: "not found" })
  if (deps.operations.running(app) !== undefined) return busy(app)
  const before = app.status
  const inScope = (type: string, label: string) => scope.length === 0 || scope.includes(type) || scope.includes(label)
  const operation = deps.operations.start(app, "restart", "restarting", (end) => {
    app.status = end.status === "done" && before === "crashed" ? "running" : before
    app.containers = containersFor(app.formation, app.containers, Date.now(), (c) => inScope(c.type, labelOf(c)))
    const recorded = scope.length === 0 ? app.formation.map((type) => type.name) : scope
    deps.events.record(
      app,
      "restart",
      { scope: recorded, reason: "user_restart" },
      deps.events.userOf(app, account.account.username)
    )
  })
  return accepted(deps, app, operation.id)
}

/** GO's `amountAndSize` strings ("2:M"): the form the official client decodes. */
const amounts = (app: AppRecord): Record<string, string> =>
  Object.fromEntries(app.formation.map((type) => [type.name, `${type.amount}:${type.size}`]))

const scale = async (deps: OperateDeps, context: RequestContext, { app, account }: AppRequest): Promise<Reply> => {
  const body = parseJson(await context.readBody())
  if (!body.ok) return badJson(body.reason)
  const checked = checkScale(body.value, app.formation)
  if (!checked.ok) return checked.reply
  if (deps.operations.running(app) !== undefined) return busy(app)
  const after = app.formation.map((type) => {
    const change = checked.changes.find((candidate) => candidate.name === type.name)
    return { name: type.name, amount: change?.amount ?? type.amount, size: change?.size ?? type.size }
  })
  const refusal = billingRefusal(account, after)
  if (refusal !== undefined) return refusal
  const previous = amounts(app)
  for (const type of app.formation) {
    const target = after.find((candidate) => candidate.name === type.name)!
    type.amount = target.amount
    type.size = target.size
  }
  for (const autoscaler of app.autoscalers) {
    if (checked.changes.some((change) => change.name === autoscaler.containerType)) {
      autoscaler.disabled = true
      autoscaler.updatedAt = new Date().toISOString()
    }
  }
  const formation = { containers: formationJson(app.id, app.formation) }
  // GO: "200 if app is scaled before deployment" — nothing runs yet, so there is no operation.
  if (app.status === "new") return json(200, formation)
  const operation = deps.operations.start(app, "scale", "scaling", () => {
    app.containers = containersFor(app.formation, app.containers, Date.now(), () => false)
    app.status = app.formation.some((type) => type.amount > 0) ? "running" : "stopped"
    deps.events.record(
      app,
      "scale",
      { previous_containers: previous, containers: amounts(app) },
      deps.events.userOf(app, account.account.username)
    )
  })
  return accepted(deps, app, operation.id, formation)
}

export const operateRoutes = (deps: OperateDeps): ReadonlyArray<Route> => [
  appRoute(deps.store, deps.region, {
    method: "POST",
    under: "/restart",
    permission: "restart",
    handle: (context, request) => restart(deps, context, request)
  }),
  appRoute(deps.store, deps.region, {
    method: "POST",
    under: "/scale",
    permission: "configure",
    handle: (context, request) => scale(deps, context, request)
  }),
  appRoute(deps.store, deps.region, {
    method: "GET",
    under: "/operations/([^/]+)",
    permission: "read",
    handle: (_context, { app }, [id]) => {
      const operation = app.operations.get(id!)
      return operation === undefined
        ? json(404, { resource: "operation", error: "not found" })
        : json(200, { operation: operationJson(app, operation) })
    }
  })
]
