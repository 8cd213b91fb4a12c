import { eventVariant } from "./base.js"
import { Bool, lenientStruct, Num, Text } from "./lenient.js"

/** Source-code links (SCM, legacy GitHub) and account integrations (user-level, no app fields). */

/** Go once read `auto_deploy` as a string and failed on the bools Scalingo sends (cli#1022): Bool reads both. */
const ScmLink = {
  repo_name: Text,
  linker_username: Text,
  source: Text,
  branch: Text,
  auto_deploy: Bool,
  auto_deploy_review_apps: Bool,
  delete_on_close: Bool,
  delete_stale: Bool,
  hours_before_delete_on_close: Num,
  hours_before_delete_stale: Num,
  creation_from_forks_allowed: Bool
}

const Integration = {
  integration_id: Text,
  /** github, github-enterprise, gitlab, gitlab-self-hosted */
  integration_type: Text,
  data: lenientStruct({ login: Text, avatar_url: Text, url: Text })
}

export const LinkScm = eventVariant("link_scm", ScmLink)
export const UpdateScm = eventVariant("update_scm", ScmLink)
export const UnlinkScm = eventVariant("unlink_scm", {
  repo_name: Text,
  unlinker_username: Text,
  linker_username: Text,
  source: Text
})
export const LinkGithub = eventVariant("link_github", { repo_name: Text, linker_username: Text, github_source: Text })
export const UnlinkGithub = eventVariant("unlink_github", {
  repo_name: Text,
  unlinker_username: Text,
  github_source: Text
})
export const NewIntegration = eventVariant("new_integration", Integration)
export const DeleteIntegration = eventVariant("delete_integration", Integration)
export const AuthorizeGithub = eventVariant("authorize_github", {
  github_user: lenientStruct({ login: Text, avatar_url: Text })
})
export const RevokeGithub = eventVariant("revoke_github", {})

export const ScmEvents = [
  LinkScm,
  UpdateScm,
  UnlinkScm,
  LinkGithub,
  UnlinkGithub,
  NewIntegration,
  DeleteIntegration,
  AuthorizeGithub,
  RevokeGithub
] as const
export type ScmEventType = (typeof ScmEvents)[number]["Type"]["type"]
