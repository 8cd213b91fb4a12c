import type { CollaboratorEventType, EventOf, VariableEventType } from "../../../scalingo/schemas/events/index.js"
import { addonActor, code, dateText, has, listOf, personName, plain, rendering, type Sentences } from "./shared.js"

/**
 * Who may reach the app, and its environment. Variable events show variable NAMES only: values are
 * secrets (and are not even decoded, see schemas/events/variables.ts).
 */

type Names = ReadonlyArray<{ readonly name?: string | undefined }> | undefined

const names = (vars: Names): Array<string> => (vars ?? []).map((v) => v.name).filter(has)

/** "Environment variables changed: `A` and `B` added; `C` modified; `D` removed". */
const environmentChanges = (t: {
  new_vars?: Names
  updated_vars?: Names
  deleted_vars?: Names
}): string | undefined => {
  const parts = [
    [names(t.new_vars), "added"],
    [names(t.updated_vars), "modified"],
    [names(t.deleted_vars), "removed"]
  ] as const
  const described = parts.filter(([list]) => list.length > 0).map(([list, verb]) => `${listOf(list, code, 10)} ${verb}`)
  return described.length > 0 ? `Environment variables changed: ${described.join("; ")}` : undefined
}

const variable = (name: string | undefined) =>
  has(name) ? `Environment variable ${code(name)}` : "An environment variable"

type CollaboratorEvent = EventOf<CollaboratorEventType & `${string}collaborator${string}`>
const collaborator = (e: CollaboratorEvent) => personName(e.type_data.collaborator) ?? "A collaborator"

const ACCESS_SCOPES = {
  containers: "the app's runtime environment",
  databases: "database metadata and monitoring data"
} as const

export const collaboratorSentences: Sentences<CollaboratorEventType> = {
  new_collaborator: ({ type_data: { collaborator: c } }) => {
    const who = has(c?.email) ? plain(c.email) : personName(c)
    const role = c?.is_limited === true ? "a limited collaborator" : "a collaborator"
    return who === undefined ? `Invitation sent to ${role}` : `${who} invited as ${role}`
  },
  accept_collaborator: (e) => {
    const inviter = personName(e.type_data.collaborator?.inviter)
    const by = inviter === undefined ? "" : ` (invited by ${inviter})`
    return `${collaborator(e)} accepted the invitation to collaborate${by}`
  },
  delete_collaborator: (e) => `${collaborator(e)} is no longer a collaborator`,
  change_collaborator_role: (e) => {
    const limited = e.type_data.collaborator?.is_limited
    if (limited === undefined) return `${collaborator(e)} has a new collaborator role`
    return `${collaborator(e)} is now ${limited ? "a limited collaborator" : "a full collaborator"}`
  },
  edit_hds_contact: ({ type_data: t }) => `Health-data (HDS) contact updated${has(t.name) ? `: ${plain(t.name)}` : ""}`,
  create_data_access_consent: ({ type_data: t }) => {
    const scopes = [
      t.containers === true ? ACCESS_SCOPES.containers : undefined,
      t.databases === true ? ACCESS_SCOPES.databases : undefined
    ].filter(has)
    const until = dateText(t.end_at)
    const what = scopes.length > 0 ? ` to ${scopes.join(" and ")}` : ""
    return `Scalingo support granted access${what}${until === undefined ? "" : ` until ${until}`}`
  }
}

export const variableSentences: Sentences<VariableEventType> = {
  new_variable: ({ type_data: t }) => rendering(`${variable(t.name)} added`, { who: addonActor(t.addon_name) }),
  edit_variable: ({ type_data: t }) =>
    rendering(
      has(t.name) ? `${variable(t.name)} modified` : (environmentChanges(t) ?? `${variable(undefined)} modified`),
      {
        who: addonActor(t.addon_name)
      }
    ),
  edit_variables: ({ type_data: t }) =>
    rendering(environmentChanges(t) ?? "Environment variables changed", { who: addonActor(t.addon_name) }),
  delete_variable: ({ type_data: t }) => rendering(`${variable(t.name)} removed`, { who: addonActor(t.addon_name) })
}
