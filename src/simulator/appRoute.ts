import type { AccountRecord } from "./accounts.js"
import type { AppAccess, AppStore } from "./appStore.js"
import { json, type Reply, type RequestContext } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"

/**
 * Routes under `/v1/apps/{app}`: the app by name or id, reachable by its owner and collaborators
 * (anyone else gets the same 404 as for a missing app), and the role the action needs
 * (DSC teamwork/roles.md: limited collaborators restart and read, but neither scale nor configure).
 */

export type Permission = "read" | "restart" | "configure"

export const appNotFound = (): Reply => json(404, { resource: "app", error: "not found" })

/**
 * Scalingo documents no body for a role refusal (scalingo-operate.md §1.10: UNKNOWN); this follows
 * GO's ForbiddenError shape `{error}`.
 */
export const limitedForbidden = (): Reply =>
  json(403, { error: "You do not have the permission to do this action: limited collaborators cannot do it" })

const allowed = (access: AppAccess, permission: Permission): boolean =>
  permission !== "configure" || access.role !== "limited_collaborator"

export interface AppRequest extends AppAccess {
  readonly account: AccountRecord
}

export const appRoute = (
  store: AppStore,
  region: RegionName,
  spec: {
    readonly method: string
    /** The pattern after `/v1/apps/{app}`, e.g. `/operations/([^/]+)`; "" for the app itself. */
    readonly under: string
    readonly permission: Permission
    readonly handle: (
      context: RequestContext,
      request: AppRequest,
      params: ReadonlyArray<string>
    ) => Reply | Promise<Reply>
  }
): Route => ({
  method: spec.method,
  pattern: new RegExp(`^/v1/apps/([^/]+)${spec.under}$`),
  auth: "bearer",
  handle: (context, account, [name, ...rest]) => {
    const access = store.access(region, name!, account.account.username)
    if (access === undefined) return appNotFound()
    if (!allowed(access, spec.permission)) return limitedForbidden()
    return spec.handle(context, { ...access, account }, rest)
  }
})
