import { stableObjectId } from "./ids.js"

/**
 * Notification platforms and notifier event types. Names, display names and descriptions follow DSC
 * app/notifications.md ("Events list"); ids follow DOC where it gives them (app_deployed,
 * app_restarted, the slack and webhook platforms) and are stable made-up ObjectIds elsewhere. Each
 * type lists the timeline `type`s it covers, so an event reaches the notifiers that selected it.
 */

const CATEGORY_IDS: Record<string, string> = {
  app: "5982f139d48c360021b1eb44",
  addon: stableObjectId("category:addon"),
  collaborator: stableObjectId("category:collaborator"),
  domain: stableObjectId("category:domain"),
  notifier: stableObjectId("category:notifier"),
  variable: stableObjectId("category:variable"),
  alert: stableObjectId("category:alert"),
  scm: stableObjectId("category:scm")
}

const KNOWN_IDS: Record<string, string> = {
  app_deployed: "5982f139d48c360021b1eb4b",
  app_restarted: "5982f139d48c360021b1eb4c"
}

/** [name, display name, description, category, timeline types] */
const TYPES: ReadonlyArray<readonly [string, string, string, string, ReadonlyArray<string>]> = [
  ["addon_db_upgraded", "Addon database upgraded", "A database addon was upgraded", "addon", ["upgrade_database"]],
  ["addon_deleted", "Addon deleted", "An addon was deleted", "addon", ["delete_addon"]],
  ["addon_plan_changed", "Addon plan changed", "An addon plan was changed", "addon", ["upgrade_addon"]],
  ["addon_provisioned", "Addon provisioned", "An addon was provisioned", "addon", ["new_addon"]],
  ["addon_resumed", "Addon resumed", "An addon was resumed", "addon", ["resume_addon"]],
  ["addon_suspended", "Addon suspended", "An addon was suspended", "addon", ["suspend_addon"]],
  ["alert_added", "Alert added", "An alert was added", "alert", ["new_alert"]],
  ["alert_deleted", "Alert deleted", "An alert was deleted", "alert", ["delete_alert"]],
  ["app_alert_triggered", "App alert triggered", "An app alert was triggered", "alert", ["alert"]],
  ["app_command_ran", "App command ran", "A command was ran in an app", "app", ["run"]],
  ["app_crashed", "App crashed", "An app was crashed", "app", ["crash"]],
  [
    "app_crashed_repeated",
    "App crashed repeated",
    "An app was crashed. This event is sent on each crash.",
    "app",
    ["repeated_crash"]
  ],
  ["app_deleted", "App deleted", "An app was deleted", "app", ["delete_app"]],
  ["app_deployed", "App deployed", "An app was deployed", "app", ["deployment"]],
  ["app_edited", "App edited", "An app was edited", "app", ["edit_app"]],
  ["app_renamed", "App renamed", "An app was renamed", "app", ["rename_app"]],
  ["app_restarted", "App restarted", "An app was restarted", "app", ["restart"]],
  ["app_scaled", "App scaled", "An app was scaled", "app", ["scale"]],
  ["app_stopped", "App stopped", "An app was stopped", "app", ["stop_app"]],
  ["app_transferred", "App transferred", "An app was transferred", "app", ["transfer_app"]],
  [
    "collaborator_accepted",
    "Collaborator accepted",
    "A collaborator invitation was accepted",
    "collaborator",
    ["accept_collaborator"]
  ],
  ["collaborator_invited", "Collaborator invited", "A collaborator was invited", "collaborator", ["new_collaborator"]],
  [
    "collaborator_removed",
    "Collaborator removed",
    "A collaborator was removed",
    "collaborator",
    ["delete_collaborator"]
  ],
  ["domain_added", "Domain added", "A domain was added", "domain", ["new_domain"]],
  ["domain_edited", "Domain edited", "A domain was edited", "domain", ["edit_domain"]],
  ["domain_removed", "Domain removed", "A domain was removed", "domain", ["delete_domain"]],
  ["github_link", "GitHub link", "A GitHub repository was linked to an app", "scm", ["link_github", "link_scm"]],
  [
    "github_unlink",
    "GitHub unlink",
    "A GitHub repository was unlinked from an app",
    "scm",
    ["unlink_github", "unlink_scm"]
  ],
  ["notifier_added", "Notifier added", "A notifier was added", "notifier", ["new_notifier"]],
  ["notifier_edited", "Notifier edited", "A notifier was edited", "notifier", ["edit_notifier"]],
  ["notifier_removed", "Notifier removed", "A notifier was removed", "notifier", ["delete_notifier"]],
  ["variable_added", "Variable added", "A variable was added", "variable", ["new_variable"]],
  ["variable_bulk_edited", "Variables bulk edited", "Some variables were bulk edited", "variable", ["edit_variables"]],
  ["variable_edited", "Variable edited", "A variable was edited", "variable", ["edit_variable"]],
  ["variable_removed", "Variable removed", "A variable was removed", "variable", ["delete_variable"]]
]

export interface EventTypeEntry {
  readonly id: string
  readonly name: string
  readonly covers: ReadonlyArray<string>
  readonly json: Record<string, unknown>
}

export const EVENT_TYPES: ReadonlyArray<EventTypeEntry> = TYPES.map(
  ([name, display, description, category, covers]) => {
    const id = KNOWN_IDS[name] ?? stableObjectId(`event_type:${name}`)
    return {
      id,
      name,
      covers,
      json: { id, category_id: CATEGORY_IDS[category], name, display_name: display, description }
    }
  }
)

/** The notifier event types a timeline event of `type` belongs to (none for most account events). */
export const eventTypeIdsOf = (type: string): ReadonlyArray<string> =>
  EVENT_TYPES.filter((entry) => entry.covers.includes(type)).map((entry) => entry.id)

const ALL_IDS = EVENT_TYPES.map((entry) => entry.id)

export interface PlatformEntry {
  readonly id: string
  readonly name: string
  readonly json: Record<string, unknown>
}

const platform = (id: string, name: string, display: string, description: string): PlatformEntry => ({
  id,
  name,
  json: {
    id,
    name,
    display_name: display,
    logo_url: `https://cdn2.scalingo.com/dashboard/assets/images/notification/${name}.svg`,
    available_event_ids: ALL_IDS,
    description
  }
})

/** `rocker_chat` [sic] is the name GO's display map uses. */
export const PLATFORMS: ReadonlyArray<PlatformEntry> = [
  platform(stableObjectId("platform:email"), "email", "E-mail", "Send events by e-mail to the app's team."),
  platform("5982f145d48c3600273ef089", "slack", "Slack", "Send events to your team thanks to Slack Incoming WebHooks."),
  platform("5982f145d48c3600273ef08a", "webhook", "Webhook", "Send HTTP requests to any target when events happen."),
  platform(stableObjectId("platform:rocker_chat"), "rocker_chat", "Rocket Chat", "Send events to a Rocket.Chat room.")
]
