import type { AccountRecord } from "./accounts.js"
import type { AppRecord } from "./appStore.js"
import { stableUuid } from "./ids.js"

/** The stack new apps get (scalingo-22), as an `st-<uuid>` id. */
const STACK_ID = `st-${stableUuid("stack:scalingo-22")}`

/** An App object with the fields Scalingo's API returns (DOC apps.md, go-scalingo `App`). */
export const appJson = (app: AppRecord, owner: AccountRecord): Record<string, unknown> => ({
  id: app.id,
  name: app.name,
  region: app.region,
  created_at: app.createdAt,
  updated_at: app.updatedAt,
  git_url: `git@ssh.${app.region}.scalingo.com:${app.name}.git`,
  url: `https://${app.name}.${app.region}.scalingo.io`,
  base_url: `https://${app.name}.${app.region}.scalingo.io`,
  owner: { id: owner.account.id, username: owner.account.username, email: owner.account.email },
  status: app.status,
  last_deployed_at: app.lastDeployedAt,
  last_deployed_by: app.lastDeployedBy,
  last_deployment_id: app.lastDeploymentId,
  stack_id: STACK_ID,
  force_https: false,
  sticky_session: false,
  router_logs: false,
  hds_resource: false,
  private_networks_ids: [],
  parent_app_name: null,
  git_source: null,
  links: { deployments_stream: `wss://deployments.${app.region}.scalingo.com/apps/${app.name}` },
  project: { id: owner.projectId, name: "default" },
  flags: {}
})
