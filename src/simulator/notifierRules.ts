import { EVENT_TYPES, PLATFORMS, type PlatformEntry } from "./notifierCatalogue.js"
import { json, type Reply } from "./reply.js"

/**
 * Reading a notifier body. DOC's example roots it at `notifiers` (and spells the params `notifer.`)
 * while GO sends `notifier`: both are accepted, as is the deprecated `selected_events` (names).
 */

export interface NotifierFields {
  readonly name?: string
  readonly active?: boolean
  readonly sendAllEvents?: boolean
  readonly sendAllAlerts?: boolean
  readonly selectedEventIds?: Array<string>
  readonly typeData?: Record<string, unknown>
  readonly platform?: PlatformEntry
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const URL_PLATFORMS = new Set(["webhook", "slack", "rocker_chat"])

const unprocessable = (field: string, message: string): { ok: false; reply: Reply } => ({
  ok: false,
  reply: json(422, { errors: { [field]: [message] } })
})

/** The fields a body sets; `creating` also requires a platform and a name. */
export const readNotifier = (
  body: unknown,
  creating: boolean,
  platformOfExisting?: PlatformEntry
): { ok: true; fields: NotifierFields } | { ok: false; reply: Reply } => {
  const root = isObject(body) ? (body["notifier"] ?? body["notifiers"]) : undefined
  if (!isObject(root)) return unprocessable("notifier", "missing field")
  const fields: Record<string, unknown> = {}
  if (creating) {
    const platformId = root["platform_id"]
    const platform = PLATFORMS.find((candidate) => candidate.id === platformId)
    if (platform === undefined) return unprocessable("platform_id", "is invalid")
    fields["platform"] = platform
    if (typeof root["name"] !== "string" || root["name"].trim() === "") return unprocessable("name", "can't be blank")
  }
  if (root["name"] !== undefined) {
    if (typeof root["name"] !== "string" || root["name"].trim() === "") return unprocessable("name", "can't be blank")
    fields["name"] = root["name"]
  }
  for (const [key, field] of [
    ["active", "active"],
    ["send_all_events", "sendAllEvents"],
    ["send_all_alerts", "sendAllAlerts"]
  ] as const) {
    if (root[key] === undefined) continue
    if (typeof root[key] !== "boolean") return unprocessable(key, "must be true or false")
    fields[field] = root[key]
  }
  const ids = root["selected_event_ids"]
  const names = root["selected_events"]
  if (ids !== undefined || names !== undefined) {
    const given = Array.isArray(ids) ? ids : Array.isArray(names) ? names : undefined
    if (given === undefined) return unprocessable("selected_event_ids", "must be an array")
    const resolved: Array<string> = []
    for (const value of given) {
      const entry = EVENT_TYPES.find((candidate) => candidate.id === value || candidate.name === value)
      if (entry === undefined) return unprocessable("selected_event_ids", `'${String(value)}' is not an event type`)
      resolved.push(entry.id)
    }
    fields["selectedEventIds"] = resolved
  }
  const typeData = root["type_data"]
  if (typeData !== undefined && !isObject(typeData)) return unprocessable("type_data", "must be an object")
  if (typeData !== undefined) fields["typeData"] = typeData
  const platform = (fields["platform"] as PlatformEntry | undefined) ?? platformOfExisting
  const url = (typeData ?? (creating ? {} : undefined))?.["webhook_url"]
  if (platform !== undefined && URL_PLATFORMS.has(platform.name) && (creating || typeData !== undefined)) {
    if (typeof url !== "string" || url === "") return unprocessable("webhook_url", "can't be blank")
    if (!URL.canParse(url) || !/^https?:/.test(url)) return unprocessable("webhook_url", "is invalid")
  }
  return { ok: true, fields: fields as NotifierFields }
}
