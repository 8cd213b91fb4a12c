import type { AccountRecord } from "./accounts.js"
import type { Bearers } from "./bearers.js"
import { json } from "./reply.js"
import type { Route } from "./router.js"
import { REGION_NAMES, type RegionName } from "./types.js"

/** The auth host: token exchange, who am I, and the regions an account reaches. */

const REGION_FACTS: Record<RegionName, { display_name: string }> = {
  "osc-fr1": { display_name: "Paris - Outscale" },
  "osc-secnum-fr1": { display_name: "Paris - SecNumCloud - Outscale" }
}

const DEFAULT_REGION: RegionName = "osc-fr1"

export const userJson = (record: AccountRecord): Record<string, unknown> => ({
  id: record.account.id,
  uuid: record.account.id,
  username: record.account.username,
  email: record.account.email,
  fullname: record.fullname,
  company: "Example Corp",
  location: "Paris",
  created_at: record.createdAt,
  tos_accepted: true,
  flags: {},
  limits: {},
  referral_url: `https://sclng.io/r/${record.account.id.slice(3, 19).replace(/-/g, "")}`,
  referral_clicks: 0,
  free_trial_started_at: record.createdAt,
  free_trial_end_time: record.createdAt,
  suspended_at: null,
  suspension_reason: null,
  email_newsletter: false,
  role: "user"
})

export const userSelfRoute: Route = {
  method: "GET",
  pattern: /^\/v1\/users\/self$/,
  auth: "bearer",
  handle: (_context, account) => json(200, { user: userJson(account) })
}

export const authRoutes = (bearers: Bearers, apiUrlOf: (region: RegionName) => string): ReadonlyArray<Route> => [
  {
    method: "POST",
    pattern: /^\/v1\/tokens\/exchange$/,
    auth: "api-token",
    handle: (_context, account) => json(200, { token: bearers.issue(account.account) })
  },
  userSelfRoute,
  {
    method: "GET",
    pattern: /^\/v1\/regions$/,
    auth: "bearer",
    handle: (_context, account) =>
      json(200, {
        regions: REGION_NAMES.filter((name) => account.regions.has(name)).map((name) => ({
          name,
          display_name: REGION_FACTS[name].display_name,
          api: apiUrlOf(name),
          dashboard: `https://my.${name}.scalingo.com`,
          database_api: `https://db-api.${name}.scalingo.com`,
          ssh: `ssh.${name}.scalingo.com:22`,
          default: name === DEFAULT_REGION
        }))
      })
  }
]
