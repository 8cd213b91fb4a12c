import { eventVariant } from "./base.js"
import { Bool, lenientArray, lenientStruct, Scalar, Text } from "./lenient.js"

/** Project events: top-level `project_id`/`project_name` instead of app fields. */

const Person = lenientStruct({ id: Text, username: Text, email: Text })

/** Transfer invitations: the docs and the Go client name every field differently; both are read. */
const TransferInvitation = {
  // docs
  transfer_invitation_id: Text,
  invited_user: Person,
  inviter: Person,
  /** pending | accepted | declined | canceled | failed | error */
  status: Text,
  status_reason: Text,
  expires_at: Text,
  // Go client
  invitation_id: Text,
  recipient_email: Text,
  recipient_username: Text,
  error: Text
}

export const NewProject = eventVariant("new_project", { default: Bool })
export const EditProject = eventVariant("edit_project", {
  /** The docs mix booleans and strings in values; Go reads strings. Scalar keeps either. */
  updated_values: lenientArray(lenientStruct({ name: Text, value: Scalar, old_value: Scalar }))
})
export const DeleteProject = eventVariant("delete_project", { project_id: Text })
export const NewProjectTransferInvitation = eventVariant("new_project_transfer_invitation", TransferInvitation)
export const AcceptProjectTransferInvitation = eventVariant("accept_project_transfer_invitation", TransferInvitation)
export const AcceptProjectTransferInvitationError = eventVariant(
  "accept_project_transfer_invitation_error",
  TransferInvitation
)
export const CancelProjectTransferInvitation = eventVariant("cancel_project_transfer_invitation", TransferInvitation)
export const DeclineProjectTransferInvitation = eventVariant("decline_project_transfer_invitation", TransferInvitation)

export const ProjectEvents = [
  NewProject,
  EditProject,
  DeleteProject,
  NewProjectTransferInvitation,
  AcceptProjectTransferInvitation,
  AcceptProjectTransferInvitationError,
  CancelProjectTransferInvitation,
  DeclineProjectTransferInvitation
] as const
export type ProjectEventType = (typeof ProjectEvents)[number]["Type"]["type"]
