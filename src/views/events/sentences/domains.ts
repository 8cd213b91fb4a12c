import type { DomainEventType, ScmEventType } from "../../../scalingo/schemas/events/index.js"
import { code, has, linkTo, plain, rendering, type Sentences } from "./shared.js"

/** Domains, repository links and SCM integrations. */

const domain = (hostname: string | undefined, name: string | undefined) => {
  const host = hostname ?? name
  return has(host) ? `Domain ${code(host)}` : "A domain"
}

const certificateChange = (ssl: boolean | undefined, oldSsl: boolean | undefined): string => {
  if (ssl === true && oldSsl === false) return ": TLS certificate added"
  if (ssl === false && oldSsl === true) return ": TLS certificate removed"
  if (ssl === true && oldSsl === true) return ": TLS certificate replaced"
  return ""
}

const repository = (name: string | undefined, kind = "repository") =>
  has(name) ? `${kind} ${code(name)}` : `a ${kind}`

/** " (branch `main`, auto-deploy on, review apps on)" from whatever settings were sent. */
const scmSettings = (t: {
  branch?: string | undefined
  auto_deploy?: boolean | undefined
  auto_deploy_review_apps?: boolean | undefined
}) => {
  const parts = [
    has(t.branch) ? `branch ${code(t.branch)}` : undefined,
    t.auto_deploy === undefined ? undefined : `auto-deploy ${t.auto_deploy ? "on" : "off"}`,
    t.auto_deploy_review_apps === undefined ? undefined : `review apps ${t.auto_deploy_review_apps ? "on" : "off"}`
  ].filter((part) => part !== undefined)
  return parts.length > 0 ? ` (${parts.join(", ")})` : ""
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host || url
  } catch {
    return url
  }
}

const INTEGRATIONS: Record<string, string> = {
  github: "GitHub",
  "github-enterprise": "GitHub Enterprise",
  gitlab: "GitLab",
  "gitlab-self-hosted": "self-hosted GitLab"
}

const integration = (t: {
  integration_type?: string | undefined
  data?: { login?: string | undefined; url?: string | undefined } | undefined
}) => {
  const platform = has(t.integration_type) ? (INTEGRATIONS[t.integration_type] ?? plain(t.integration_type)) : "SCM"
  const selfHosted = t.integration_type === "github-enterprise" || t.integration_type === "gitlab-self-hosted"
  const details = [
    has(t.data?.login) ? `account ${code(t.data.login)}` : undefined,
    selfHosted && has(t.data?.url) ? `on ${plain(hostOf(t.data.url))}` : undefined
  ]
    .filter((part) => part !== undefined)
    .join(" ")
  return { platform, account: details === "" ? "" : ` (${details})` }
}

export const domainSentences: Sentences<DomainEventType> = {
  new_domain: ({ type_data: t }) =>
    `${domain(t.hostname, t.name)} added${t.ssl === true ? " with its own TLS certificate" : ""}`,
  edit_domain: ({ type_data: t }) => `${domain(t.hostname, t.name)} updated${certificateChange(t.ssl, t.old_ssl)}`,
  delete_domain: ({ type_data: t }) => `${domain(t.hostname, t.name)} removed`
}

export const scmSentences: Sentences<ScmEventType> = {
  link_scm: ({ type_data: t }) =>
    rendering(`App linked to ${repository(t.repo_name)}${scmSettings(t)}`, { link: linkTo("Repository", t.source) }),
  update_scm: ({ type_data: t }) =>
    rendering(`Link to ${repository(t.repo_name)} updated${scmSettings(t)}`, { link: linkTo("Repository", t.source) }),
  unlink_scm: ({ type_data: t }) => `App unlinked from ${repository(t.repo_name)}`,
  link_github: ({ type_data: t }) => `App linked to ${repository(t.repo_name, "GitHub repository")}`,
  unlink_github: ({ type_data: t }) => `App unlinked from ${repository(t.repo_name, "GitHub repository")}`,
  new_integration: ({ type_data: t }) => {
    const { platform, account } = integration(t)
    return `${platform} integration added${account}`
  },
  delete_integration: ({ type_data: t }) => {
    const { platform, account } = integration(t)
    return `${platform} integration removed${account}`
  },
  authorize_github: ({ type_data: t }) =>
    has(t.github_user?.login) ? `GitHub account ${code(t.github_user.login)} authorized` : "GitHub account authorized",
  revoke_github: () => "GitHub authorization revoked"
}
