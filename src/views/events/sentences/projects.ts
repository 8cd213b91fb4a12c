import type { EventOf, ProjectEventType } from "../../../scalingo/schemas/events/index.js"
import { code, has, personName, plain, type Sentences } from "./shared.js"

/** Projects and their transfers between accounts. */

type ProjectEvent = EventOf<ProjectEventType>
type TransferEvent = EventOf<Exclude<ProjectEventType, "new_project" | "edit_project" | "delete_project">>

const project = (e: ProjectEvent) => (has(e.project_name) ? `project ${code(e.project_name)}` : "a project")
const Project = (e: ProjectEvent) => (has(e.project_name) ? `Project ${code(e.project_name)}` : "Project")

/** The person invited, in the docs' shape (`invited_user`) or Go's (`recipient_*`). */
const recipient = ({ type_data: t }: TransferEvent) =>
  personName(t.invited_user) ?? personName({ username: t.recipient_username, email: t.recipient_email })

type Setting = {
  readonly name?: string | undefined
  readonly value?: string | number | boolean | undefined
  readonly old_value?: string | number | boolean | undefined
}

/** A project setting change; only the project name and on/off switches show their values. */
const settingChange = ({ name, value, old_value }: Setting): string | undefined => {
  if (!has(name)) return undefined
  if (name === "name" && typeof value === "string" && has(value)) {
    const from = typeof old_value === "string" && has(old_value) ? ` from ${code(old_value)}` : ""
    return `renamed${from} to ${code(value)}`
  }
  if (name === "default" && typeof value === "boolean")
    return value ? "made the default project" : "no longer the default project"
  if (typeof value === "boolean") return `${code(name)} turned ${value ? "on" : "off"}`
  return `${code(name)} changed`
}

export const projectSentences: Sentences<ProjectEventType> = {
  new_project: (e) => `${Project(e)} created${e.type_data.default === true ? " as the default project" : ""}`,
  edit_project: (e) => {
    const changes = (e.type_data.updated_values ?? []).map(settingChange).filter(has)
    const shown = changes.slice(0, 8).join("; ")
    const more = changes.length > 8 ? `; and ${changes.length - 8} more` : ""
    return `${Project(e)} settings updated${shown === "" ? "" : `: ${shown}${more}`}`
  },
  delete_project: (e) => `${Project(e)} deleted`,
  new_project_transfer_invitation: (e) => {
    const to = recipient(e)
    return `Transfer of ${project(e)} offered${to === undefined ? "" : ` to ${to}`}`
  },
  accept_project_transfer_invitation: (e) => {
    const by = recipient(e)
    return `Transfer of ${project(e)} accepted${by === undefined ? "" : ` by ${by}`}`
  },
  accept_project_transfer_invitation_error: (e) => {
    const why = e.type_data.error ?? e.type_data.status_reason
    return `Transfer of ${project(e)} could not be accepted${has(why) ? `: ${plain(why, 200)}` : ""}`
  },
  cancel_project_transfer_invitation: (e) => {
    const to = recipient(e)
    return `Transfer of ${project(e)}${to === undefined ? "" : ` to ${to}`} canceled`
  },
  decline_project_transfer_invitation: (e) => {
    const to = recipient(e)
    return `Transfer of ${project(e)}${to === undefined ? "" : ` to ${to}`} declined`
  }
}
