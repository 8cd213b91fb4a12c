import { context, header, type Message, message, section } from "../../blockKit/blocks.js"
import { code, link, plain, plural, slackDate } from "../../blockKit/text.js"
import type { Domain } from "../../scalingo/schemas/domain.js"
import { dashboardUrl } from "../../views/links.js"

const DAY_MS = 86_400_000
/** A certificate ending this close is a warning: time to renew it (or to check Let's Encrypt does). */
export const EXPIRY_WARNING_DAYS = 14
/** Sections left for domains once the header and the summary are in (Slack allows 50 blocks). */
const MOST_SHOWN = 45

const byCanonicalThenName = (a: Domain, b: Domain) =>
  Number(b.canonical) - Number(a.canonical) || a.name.localeCompare(b.name)

/** The certificate's end, or undefined without one (Go's zero date, or no date at all). */
export const certificateEnd = (domain: Domain): Date | undefined => {
  if (!domain.ssl || domain.validity === undefined) return undefined
  const end = new Date(domain.validity)
  return Number.isNaN(end.getTime()) || end.getUTCFullYear() < 1970 ? undefined : end
}

const daysBetween = (from: number, to: number) => Math.floor((to - from) / DAY_MS)
const inDays = (days: number) => (days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`)
const on = (date: Date) => slackDate(date, "{date_short_pretty}")

const letsEncrypt = (domain: Domain): boolean => domain.letsencrypt_enabled === true || domain.letsencrypt === true

/** What a domain has for TLS, and the warning to act on, if any. */
export const tlsLines = (domain: Domain, nowMs: number): { state: string; warning?: string } => {
  const end = certificateEnd(domain)
  const issuer = letsEncrypt(domain) ? "Let's Encrypt certificate" : "Certificate"
  if (end !== undefined) {
    const days = daysBetween(nowMs, end.getTime())
    if (end.getTime() <= nowMs) {
      return {
        state: `:closed_lock_with_key: ${issuer}, expired ${on(end)}`,
        warning: `:rotating_light: The certificate of ${plain(domain.name)} has expired: visitors get a security error.`
      }
    }
    const state = `:lock: ${issuer}, valid until ${on(end)} (${inDays(days)})`
    if (days >= EXPIRY_WARNING_DAYS) return { state }
    const renew = letsEncrypt(domain) ? "Let's Encrypt should have renewed it by now" : "upload a new one"
    return { state, warning: `:warning: Expires ${inDays(days)}: ${renew}.` }
  }
  switch (domain.letsencrypt_status) {
    case "dns_required": {
      const record =
        domain.acme_dns_fqdn && domain.acme_dns_value
          ? ` add a TXT record ${code(domain.acme_dns_fqdn)} with the value ${code(domain.acme_dns_value)}`
          : " add the DNS record the dashboard shows"
      return {
        state: ":hourglass_flowing_sand: Let's Encrypt certificate waiting for a DNS record",
        warning: `:warning: To get the certificate,${record}.`
      }
    }
    case "error":
      return {
        state: ":x: No certificate: Let's Encrypt could not issue one",
        warning: ":warning: Check that the domain's DNS points to Scalingo, then try again from the dashboard."
      }
    case "pending_dns":
    case "new":
      return { state: ":hourglass_flowing_sand: Let's Encrypt certificate being issued" }
    default:
      return { state: ":unlock: No certificate: plain HTTP only" }
  }
}

export interface DomainsCard {
  readonly app: string
  readonly region: string
  readonly domains: ReadonlyArray<Domain>
  readonly nowMs: number
}

/** `domains <app>`: canonical first, each with its TLS state, a warning for what needs a hand. */
export const domainsMessage = ({ app, region, domains, nowMs }: DomainsCard): Message => {
  const dashboard = link(`${dashboardUrl(region, app)}/domains`, "the dashboard")
  if (domains.length === 0) {
    return message(`${app} has no custom domain`, [
      section(`${code(app)} has no custom domain: it answers only at its Scalingo address. Add one in ${dashboard}.`)
    ])
  }
  const sorted = [...domains].sort(byCanonicalThenName)
  const shown = sorted.slice(0, MOST_SHOWN)
  const described = shown.map((domain) => ({ domain, ...tlsLines(domain, nowMs) }))
  const warnings = sorted.filter((domain) => tlsLines(domain, nowMs).warning !== undefined).length
  const summary = [
    plural(domains.length, "domain"),
    warnings === 0 ? "nothing to act on" : `${plural(warnings, "domain")} to act on`
  ].join(" · ")
  const blocks = [
    header(`Domains of ${app}`),
    context(`${summary} · manage them in ${dashboard}`),
    ...described.map(({ domain, state, warning }) =>
      section(
        [`*${plain(domain.name)}*${domain.canonical ? " · canonical" : ""}`, state, ...(warning ? [warning] : [])].join(
          "\n"
        )
      )
    ),
    ...(sorted.length > shown.length ? [context(`… and ${sorted.length - shown.length} more in ${dashboard}.`)] : [])
  ]
  const notice = warnings === 0 ? "" : `, ${plural(warnings, "domain")} to act on`
  return message(`${app} has ${plural(domains.length, "custom domain")}${notice}`, blocks)
}
