import type { AccountRecord, Accounts } from "./accounts.js"
import { appJson } from "./appJson.js"
import { appNameErrors } from "./appNameRules.js"
import { appNotFound, appRoute } from "./appRoute.js"
import type { AppStore } from "./appStore.js"
import { newAppEvent } from "./eventFactory.js"
import { json, type Reply, type RequestContext } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"

/** A regional host's apps: list (owned and shared), show, create (with Scalingo's errors and `X-Dry-Run`). */

export { appNotFound }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export const parseJson = (raw: string): { ok: true; value: unknown } | { ok: false; reason: string } => {
  if (raw.trim() === "") return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(raw) }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : "unreadable JSON" }
  }
}

const create = async (
  store: AppStore,
  region: RegionName,
  context: RequestContext,
  owner: AccountRecord
): Promise<Reply> => {
  const body = parseJson(await context.readBody())
  if (!body.ok) return json(400, { error: `There was a problem in the JSON you submitted: ${body.reason}` })
  if (store.creationIsDisabled(region)) {
    return json(403, { error: "Resource creation is disabled on this region", code: "region_disabled" })
  }
  if (!owner.billingVerified) {
    return json(402, {
      error: "Sorry, you need to verify your account (billing profile and payment card) to create a new app",
      url: "https://my.scalingo.com/apps/billing"
    })
  }
  const app = isObject(body.value) ? body.value["app"] : undefined
  if (!isObject(app)) return json(422, { errors: { app: ["missing field"] } })
  const name = app["name"]
  const errors = appNameErrors(name)
  if (typeof name !== "string" || errors.length > 0) return json(422, { errors: { name: errors } })
  if (store.isTaken(region, name)) return json(422, { errors: { name: ["has already been taken"] } })

  const record = store.build({ name, region, owner: owner.account.username, status: "new" })
  if (!context.dryRun) {
    store.insert(record)
    const event = newAppEvent(owner.account, record)
    record.events.unshift(event)
    store.accountEventsOf(owner.account.username, region).unshift(structuredClone(event))
  }
  return json(201, { app: appJson(record, owner) })
}

export const appsRoutes = (store: AppStore, accounts: Accounts, region: RegionName): ReadonlyArray<Route> => [
  {
    method: "GET",
    pattern: /^\/v1\/apps$/,
    auth: "bearer",
    handle: (_context, account) =>
      json(200, {
        apps: store.visibleTo(region, account.account.username).map((app) => appJson(app, accounts.require(app.owner)))
      })
  },
  appRoute(store, region, {
    method: "GET",
    under: "",
    permission: "read",
    handle: (_context, { app }) => json(200, { app: appJson(app, accounts.require(app.owner)) })
  }),
  {
    method: "POST",
    pattern: /^\/v1\/apps$/,
    auth: "bearer",
    handle: (context, owner) => create(store, region, context, owner)
  }
]
