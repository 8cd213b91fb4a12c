// over 200 lines: data (one sample per Scalingo event type, from the docs), not logic.
/**
 * One raw event per Scalingo event type (all 96 of go-scalingo v11.3.0), shaped as the API sends
 * them: app events carry app fields, account and billing events none, project events project fields.
 * Forms vary on purpose where Scalingo's sources disagree (scale "2:M" strings, autoscaler bounds as
 * strings then numbers, transfer invitations in the docs' and Go's shapes). Secrets (variable values,
 * drain and webhook URLs, crash logs) carry "SECRET-VALUE-<n>" so tests can prove none is ever shown.
 */
export type RawEvent = Record<string, unknown>

type Kind = "app" | "user" | "project"

const john = { username: "john", email: "john@doe.com", id: "us-5b7f2c3e-0000-4000-8000-000000000001" }
const alice = { username: "alice", email: "alice@example.com", id: "us-5b7f2c3e-0000-4000-8000-000000000002" }
const platform = {
  username: "scalingo-platform",
  email: "deploy@scalingo.com",
  id: "us-b32ca09d-1608-4e6f-8f14-302b447b0e14"
}
const APP = { app_id: "54100930736f7563d5030000", app_name: "example-app" }
const PROJECT = { project_id: "prj-6a1b2c3d-0000-4000-8000-000000000001", project_name: "production" }
/** The newest sample; each next one is 37 minutes older, newest first like Scalingo's timelines. */
const NEWEST = Date.parse("2024-06-03T09:30:00.000Z")

const addon = {
  addon_provider_name: "PostgreSQL",
  plan_name: "postgresql-starter-512",
  resource_id: "example_app_4523"
}
const pg = {
  addon_name: "PostgreSQL",
  resource_id: "example_app_4523",
  addon_uuid: "ad-75364c08-2e76-4018-8db4-d7ebbd7537c8"
}
const maintenance = {
  addon_name: "PostgreSQL",
  maintenance_id: "6503020ba8acb51a3278cf81",
  maintenance_type: "minor-upgrade",
  maintenance_window_in_hours: 8,
  next_maintenance_window: "2024-06-04T21:00:00.000Z"
}
const repo = { repo_name: "example-org/example-app", source: "https://github.com/example-org/example-app" }
const scm = {
  ...repo,
  linker_username: "john",
  branch: "main",
  auto_deploy: true,
  auto_deploy_review_apps: true,
  delete_on_close: true,
  delete_stale: false,
  hours_before_delete_on_close: 0,
  hours_before_delete_stale: 72,
  creation_from_forks_allowed: false
}
const reviewApp = {
  app_id: "64100930736f7563d5030042",
  review_app_name: "example-app-pr42",
  review_app_url: "https://dashboard.scalingo.com/apps/osc-fr1/example-app-pr42",
  source_repo_name: repo.repo_name,
  source_repo_url: repo.source,
  pr_name: "Add invoices export",
  pr_number: 42,
  pr_url: "https://github.com/example-org/example-app/pull/42",
  pr_comes_from_a_fork: false
}
const pitr = {
  ...pg,
  recoverable: true,
  checked_at: "2024-06-02T04:00:00.000Z",
  unrecoverable_duration_seconds: 0,
  remote_ip: "10.0.0.12"
}
const bob = { id: "us-5b7f2c3e-0000-4000-8000-000000000003", username: "bob", email: "bob@example.com" }
const docInvitation = {
  transfer_invitation_id: "tin-01234567-89ab-cdef-0123-456789abcdef",
  invited_user: { ...alice },
  inviter: { ...john },
  status_reason: "",
  expires_at: "2024-06-10T09:00:00.000Z"
}

/** [kind, type, type_data, author (john by default)] */
const SPECS: ReadonlyArray<readonly [Kind, string, Record<string, unknown>, typeof john?]> = [
  // App lifecycle
  ["app", "new_app", { git_source: "https://github.com/example-org/example-app" }],
  ["app", "edit_app", { force_https: true }],
  ["app", "delete_app", {}],
  ["app", "rename_app", { old_name: "example-app-old", new_name: "example-app" }],
  [
    "app",
    "update_app_project",
    {
      old_project_name: "default",
      old_project_id: "prj-6a1b2c3d-0000-4000-8000-000000000000",
      new_project_name: "production",
      new_project_id: PROJECT.project_id
    }
  ],
  ["app", "transfer_app", { old_owner: { ...john }, new_owner: { ...alice } }],
  ["app", "restart", { scope: ["web", "worker"], reason: "user_restart" }],
  ["app", "scale", { previous_containers: { web: "1:M", worker: "0:M" }, containers: { web: "2:M", worker: "1:L" } }],
  ["app", "stop_app", { reason: "billing" }, platform],
  [
    "app",
    "crash",
    {
      container_type: "web",
      crash_logs: "Error: SECRET-VALUE-20 leaked in a stack trace",
      logs_url: "https://dashboard.scalingo.com/apps/osc-fr1/example-app/logs?crash=web-1"
    },
    platform
  ],
  [
    "app",
    "repeated_crash",
    {
      container_type: "worker",
      crash_logs: "panic: SECRET-VALUE-21",
      logs_url: "https://dashboard.scalingo.com/apps/osc-fr1/example-app/logs?crash=worker-1"
    },
    platform
  ],
  [
    "app",
    "deployment",
    {
      deployment_id: "5343eccd646aa3012a140230",
      deployment_uuid: "6f0c7b1e-9a8e-4d6a-9a57-0a2a3c4d5e6f",
      deployment_type: "deployment",
      pusher: "john",
      git_ref: "58c778ff1c6d275c49af18adca456acd98db4ad0",
      git_ref_url: "https://github.com/example-org/example-app/commit/58c778ff1c6d275c49af18adca456acd98db4ad0",
      status: "success",
      duration: 72,
      stack: "scalingo-22",
      finished_at: "2024-06-03T05:43:12.000Z",
      last_commits: { commits: [], remaining: 0 }
    }
  ],
  [
    "app",
    "run",
    {
      command: "bundle exec rails db:migrate",
      audit_log_id: "c0ffee00-1234-4aaa-bbbb-0123456789ab",
      audit_log_size: 122445,
      detached: false
    }
  ],
  [
    "app",
    "stack_changed",
    {
      previous_stack_id: "st-2f83d71f-505c-4b40-89b4-04912cbfa911",
      current_stack_id: "st-9d5bf098-01df-4194-8160-9779cfbc7122",
      previous_stack_name: "scalingo-20",
      current_stack_name: "scalingo-22"
    }
  ],
  [
    "app",
    "start_region_migration",
    { migration_id: "rm-0b1c2d3e", source: "osc-fr1", destination: "osc-secnum-fr1", dst_app_name: "example-app" }
  ],
  ["app", "create_review_app", reviewApp],
  ["app", "destroy_review_app", reviewApp],
  // Domains, SCM, integrations
  ["app", "new_domain", { hostname: "www.example.com", ssl: false }],
  ["app", "edit_domain", { hostname: "www.example.com", ssl: true, old_ssl: false }],
  ["app", "delete_domain", { hostname: "old.example.com" }],
  ["app", "link_scm", scm],
  ["app", "update_scm", { ...scm, auto_deploy: false }],
  ["app", "unlink_scm", { ...repo, unlinker_username: "john" }],
  [
    "app",
    "link_github",
    {
      repo_name: "example-org/legacy-app",
      linker_username: "john",
      github_source: "https://github.com/example-org/legacy-app"
    }
  ],
  [
    "app",
    "unlink_github",
    {
      repo_name: "example-org/legacy-app",
      unlinker_username: "john",
      github_source: "https://github.com/example-org/legacy-app"
    }
  ],
  [
    "user",
    "new_integration",
    {
      integration_id: "int-0a1b2c3d",
      integration_type: "gitlab",
      data: { login: "john-gl", avatar_url: "https://gitlab.com/uploads/john.png", url: "https://gitlab.com" }
    }
  ],
  [
    "user",
    "delete_integration",
    {
      integration_id: "int-0a1b2c3e",
      integration_type: "github-enterprise",
      data: { login: "jdoe", avatar_url: "https://github.example.com/jdoe.png", url: "https://github.example.com" }
    }
  ],
  [
    "user",
    "authorize_github",
    { github_user: { login: "johndoe", avatar_url: "https://avatars.githubusercontent.com/u/1" } }
  ],
  ["user", "revoke_github", {}],
  // Addons and databases
  ["app", "new_addon", addon],
  [
    "app",
    "upgrade_addon",
    { ...addon, old_plan_name: "postgresql-starter-512", new_plan_name: "postgresql-business-1024" }
  ],
  [
    "app",
    "delete_addon",
    { addon_provider_name: "Redis", plan_name: "redis-sandbox", resource_id: "example_app_8841" }
  ],
  ["app", "resume_addon", addon],
  ["app", "suspend_addon", { ...addon, reason: "billing" }, platform],
  [
    "app",
    "addon_updated",
    {
      addon_id: "ad-75364c08-2e76-4018-8db4-d7ebbd7537c8",
      addon_plan_name: "postgresql-business-1024",
      addon_resource_id: "example_app_4523",
      addon_provider_id: "postgresql",
      addon_provider_name: "PostgreSQL",
      status: ["provisioning", "running"],
      attributes_changed: ["status", "plan"]
    },
    platform
  ],
  ["app", "upgrade_database", { addon_name: "PostgreSQL", old_version: "14.11.0", new_version: "15.6.0" }, platform],
  [
    "app",
    "database/add_feature",
    {
      feature: "force-ssl",
      addon_provider_id: "postgresql",
      addon_provider_name: "PostgreSQL",
      addon_uuid: pg.addon_uuid,
      remote_ip: "203.0.113.10"
    }
  ],
  [
    "app",
    "database/remove_feature",
    {
      feature: "publicly-available",
      addon_provider_id: "postgresql",
      addon_provider_name: "PostgreSQL",
      addon_uuid: pg.addon_uuid,
      remote_ip: "203.0.113.10"
    }
  ],
  [
    "app",
    "database_backup_succeeded",
    {
      ...pg,
      backup_id: "692025a88e61d0039cf25ea3",
      backup_status: "done",
      backup_method: "periodic",
      started_at: "2024-06-02T03:00:00.000Z",
      ended_at: "2024-06-02T03:01:12.000Z"
    },
    platform
  ],
  [
    "app",
    "database_backup_failed",
    {
      ...pg,
      backup_id: "692025a88e61d0039cf25ea4",
      backup_status: "error",
      backup_method: "manual",
      started_at: "2024-06-02T12:00:00.000Z",
      ended_at: "2024-06-02T12:00:40.000Z"
    }
  ],
  ["app", "database_continuousbackup_healthy", { ...pitr, status: "ok", error: null }, platform],
  [
    "app",
    "database_continuousbackup_delayed",
    { ...pitr, status: "pgbackrest_error", error: "archive-push timed out" },
    platform
  ],
  [
    "app",
    "database_continuousbackup_stale",
    {
      ...pitr,
      status: "wal_error",
      error: "WAL segment missing",
      recoverable: false,
      unrecoverable_duration_seconds: 5400
    },
    platform
  ],
  ["app", "plan_database_maintenance", maintenance, platform],
  ["app", "start_database_maintenance", maintenance, platform],
  ["app", "complete_database_maintenance", maintenance, platform],
  [
    "app",
    "new_addon_log_drain",
    { url: "syslog+tls://logs.example.com:6514/SECRET-VALUE-12", addon_uuid: pg.addon_uuid, addon_name: "PostgreSQL" }
  ],
  [
    "app",
    "delete_addon_log_drain",
    { url: "syslog+tls://logs.example.com:6514/SECRET-VALUE-13", addon_uuid: pg.addon_uuid, addon_name: "PostgreSQL" }
  ],
  // Collaborators, environment, drains, notifiers, alerts, autoscalers
  ["app", "new_collaborator", { collaborator: { email: "bob@example.com", is_limited: false } }],
  [
    "app",
    "accept_collaborator",
    { collaborator: { ...bob, is_limited: false, inviter: { username: "john", email: "john@doe.com" } } },
    { ...bob }
  ],
  [
    "app",
    "delete_collaborator",
    { collaborator: { id: "us-5b7f2c3e-0000-4000-8000-000000000004", username: "carol", email: "carol@example.com" } }
  ],
  ["app", "change_collaborator_role", { collaborator: { ...bob, is_limited: true } }],
  ["app", "new_variable", { name: "STRIPE_API_KEY", value: "SECRET-VALUE-1" }],
  [
    "app",
    "edit_variable",
    { name: "DATABASE_URL", value: "SECRET-VALUE-2", old_value: "SECRET-VALUE-3", addon_name: "PostgreSQL" }
  ],
  [
    "app",
    "edit_variables",
    {
      new_vars: [{ name: "FEATURE_EXPORTS", value: "SECRET-VALUE-4" }],
      updated_vars: [{ name: "RAILS_MAX_THREADS", value: "SECRET-VALUE-5", old_value: "SECRET-VALUE-6" }],
      deleted_vars: [{ name: "LEGACY_TOKEN", value: "SECRET-VALUE-7" }]
    }
  ],
  ["app", "delete_variable", { name: "OLD_API_SECRET", value: "SECRET-VALUE-8" }],
  ["app", "new_log_drain", { url: "syslog+tls://logs.example.com:6514/SECRET-VALUE-9" }],
  ["app", "delete_log_drain", { url: "syslog+tls://logs.example.com:6514/SECRET-VALUE-10" }],
  [
    "app",
    "new_notifier",
    {
      notifier_name: "deploys",
      active: true,
      send_all_events: false,
      selected_events: ["app_deployed", "app_crashed"],
      notifier_type: "slack",
      notifier_type_data: { webhook_url: "https://hooks.slack.com/services/SECRET-VALUE-11" },
      platform_name: "slack"
    }
  ],
  [
    "app",
    "edit_notifier",
    {
      notifier_name: "ops-webhook",
      active: false,
      send_all_events: true,
      selected_events: [],
      notifier_type: "webhook",
      notifier_type_data: { webhook_url: "https://ops.example.com/hooks/SECRET-VALUE-14" },
      platform_name: "webhook"
    }
  ],
  [
    "app",
    "delete_notifier",
    {
      notifier_name: "team-mail",
      active: true,
      send_all_events: true,
      selected_events: [],
      notifier_type: "email",
      notifier_type_data: { emails: ["team@example.com"] },
      platform_name: "email"
    }
  ],
  ["app", "new_alert", { container_type: "web", metric: "cpu", limit: 0.8, limit_text: "80%", send_when_below: false }],
  [
    "app",
    "alert",
    {
      sender_name: "web",
      metric: "memory",
      limit: 0.9,
      limit_text: "90%",
      value: 0.95,
      value_text: "95%",
      activated: true,
      send_when_below: false,
      raw_limit: 460,
      raw_value: 486
    },
    platform
  ],
  ["app", "delete_alert", { container_type: "worker", metric: "memory" }],
  [
    "app",
    "new_autoscaler",
    { container_type: "web", min_containers: "2", max_containers: "6", metric: "cpu", target: 0.75, target_text: "75%" }
  ],
  [
    "app",
    "edit_autoscaler",
    {
      container_type: "web",
      min_containers: 2,
      max_containers: 8,
      metric: "rpm_per_container",
      target: 300,
      target_text: "300 RPM"
    }
  ],
  ["app", "delete_autoscaler", { container_type: "web", metric: "rpm_per_container" }],
  [
    "app",
    "edit_hds_contact",
    {
      name: "Dr Jane Roe",
      email: "jane.roe@example.com",
      phone_number: "+33 1 23 45 67 89",
      company: "Example Health",
      address_line1: "1 rue de la Paix",
      address_line2: "",
      address_city: "Paris",
      address_zip: "75002",
      address_country: "FR",
      notes: "",
      remote_ip: "203.0.113.10"
    }
  ],
  [
    "app",
    "create_data_access_consent",
    { end_at: "2024-06-10T00:00:00.000Z", databases: true, containers: true, remote_ip: "203.0.113.10" }
  ],
  // Account, security, billing
  ["user", "new_user", {}],
  ["user", "login_success", { remote_ip: "203.0.113.10" }],
  ["user", "login_failure", { remote_ip: "198.51.100.7" }],
  ["user", "login_lock", { remote_ip: "198.51.100.7" }],
  ["user", "login_unlock_success", { remote_ip: "203.0.113.10" }],
  ["user", "password_reset_query", { remote_ip: "203.0.113.10" }],
  ["user", "password_reset_success", { remote_ip: "203.0.113.10" }],
  ["user", "tfa_enabled", { provider: "totp" }],
  ["user", "tfa_disabled", {}],
  ["user", "new_token", { token_name: "ci-deploy", token_id: "tk-9a8b7c6d" }],
  ["user", "regenerate_token", { token_name: "ci-deploy", token_id: "tk-9a8b7c6d" }],
  ["user", "delete_token", { token_name: "old-laptop", token_id: "tk-1a2b3c4d" }],
  ["user", "new_key", { name: "work laptop", fingerprint: "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8" }],
  [
    "user",
    "edit_key",
    { name: "work laptop (2024)", fingerprint: "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8" }
  ],
  ["user", "delete_key", { name: "old desktop" }],
  ["user", "add_credit", { payment_method: "stripe", amount: 50 }],
  [
    "user",
    "add_payment_method",
    {
      company: "Example SAS",
      vat_number: "FR00123456789",
      payment_method_type: "stripe",
      stripe: { brand: "visa", last4: "4242", exp: "12/2027" }
    }
  ],
  ["user", "add_voucher", { code: "WELCOME2024" }],
  ["user", "payment_attempt", { amount: 12.5, payment_method: "card", status: "paid" }],
  // Projects
  ["project", "new_project", { default: false }],
  [
    "project",
    "edit_project",
    {
      updated_values: [
        { name: "name", value: "production", old_value: "prod" },
        { name: "default", value: true, old_value: false }
      ]
    }
  ],
  ["project", "delete_project", { project_id: "prj-6a1b2c3d-0000-4000-8000-000000000009" }],
  [
    "project",
    "new_project_transfer_invitation",
    {
      invitation_id: "tin-11111111-89ab-cdef-0123-456789abcdef",
      recipient_email: "alice@example.com",
      recipient_username: "alice"
    }
  ],
  ["project", "accept_project_transfer_invitation", { ...docInvitation, status: "accepted" }, { ...alice }],
  [
    "project",
    "accept_project_transfer_invitation_error",
    {
      invitation_id: "tin-22222222-89ab-cdef-0123-456789abcdef",
      error: "the recipient has reached their project quota"
    },
    { ...alice }
  ],
  ["project", "cancel_project_transfer_invitation", { ...docInvitation, status: "canceled" }],
  [
    "project",
    "decline_project_transfer_invitation",
    {
      invitation_id: "tin-33333333-89ab-cdef-0123-456789abcdef",
      recipient_email: "alice@example.com",
      recipient_username: "alice"
    },
    { ...alice }
  ]
]

const CONTEXT: Record<Kind, Record<string, string>> = { app: APP, user: {}, project: PROJECT }

export const eventSamples: ReadonlyArray<RawEvent> = SPECS.map(([kind, type, typeData, author = john], index) => ({
  id: `665d8a00${index.toString(16).padStart(16, "0")}`,
  created_at: new Date(NEWEST - index * 37 * 60_000).toISOString(),
  user: { ...author },
  ...CONTEXT[kind],
  type,
  type_data: structuredClone(typeData)
}))

/** A fresh copy of the sample of `type`; throws for a type without one. */
export const sampleOf = (type: string): RawEvent => {
  const sample = eventSamples.find((candidate) => candidate["type"] === type)
  if (sample === undefined) throw new Error(`no event sample for type ${type}`)
  return structuredClone(sample)
}
