import { eventVariant } from "./base.js"
import { Bool, lenientStruct, Text } from "./lenient.js"

/** Who may reach the app: collaborators, the health-data (HDS) contact, support access consents. */

const Person = { id: Text, username: Text, email: Text }
const Collaborator = lenientStruct({ ...Person, is_limited: Bool, inviter: lenientStruct(Person) })

export const NewCollaborator = eventVariant("new_collaborator", { collaborator: Collaborator })
export const AcceptCollaborator = eventVariant("accept_collaborator", { collaborator: Collaborator })
export const DeleteCollaborator = eventVariant("delete_collaborator", { collaborator: Collaborator })
export const ChangeCollaboratorRole = eventVariant("change_collaborator_role", { collaborator: Collaborator })
/** Contact details are personal data: only the name is decoded. */
export const EditHdsContact = eventVariant("edit_hds_contact", { name: Text, company: Text, remote_ip: Text })
export const CreateDataAccessConsent = eventVariant("create_data_access_consent", {
  end_at: Text,
  databases: Bool,
  containers: Bool,
  remote_ip: Text
})

export const CollaboratorEvents = [
  NewCollaborator,
  AcceptCollaborator,
  DeleteCollaborator,
  ChangeCollaboratorRole,
  EditHdsContact,
  CreateDataAccessConsent
] as const
export type CollaboratorEventType = (typeof CollaboratorEvents)[number]["Type"]["type"]
