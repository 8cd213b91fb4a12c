import { appRoute } from "./appRoute.js"
import type { AppStore } from "./appStore.js"
import { stableUuid } from "./ids.js"
import type { AddDomainSpec } from "./operateTypes.js"
import type { AppRecord, DomainRecord } from "./records.js"
import { json } from "./reply.js"
import type { Route } from "./router.js"
import type { RegionName } from "./types.js"

/** Go's zero time: what Scalingo writes as `validity` when a domain has no certificate. */
const NO_CERTIFICATE = "0001-01-01T00:00:00Z"

/** DOC domains.md's object, without `tlscert`/`tlskey` (never echoed). */
export const domainJson = (appId: string, domain: DomainRecord): Record<string, unknown> => ({
  id: domain.id,
  app_id: appId,
  name: domain.name,
  ssl: domain.validity !== null,
  validity: domain.validity ?? NO_CERTIFICATE,
  canonical: domain.canonical,
  letsencrypt_enabled: domain.letsEncrypt,
  letsencrypt: domain.letsEncrypt && domain.letsEncryptStatus === "created",
  letsencrypt_status: domain.letsEncryptStatus,
  ssl_status: domain.validity !== null ? "success" : domain.letsEncryptStatus === "error" ? "error" : "pending",
  acme_dns_fqdn: domain.acmeDnsFqdn,
  acme_dns_value: domain.acmeDnsValue,
  acme_dns_error: {}
})

/** The test hook: a domain on the app; a canonical one takes the mark from any other. */
export const addDomain = (app: AppRecord, spec: AddDomainSpec): string => {
  if (app.domains.some((domain) => domain.name === spec.name)) {
    throw new Error(`Simulator: ${app.name} already has the domain "${spec.name}"`)
  }
  const id = `dom-${stableUuid(`domain:${app.id}:${spec.name}`)}`
  if (spec.canonical === true) for (const domain of app.domains) domain.canonical = false
  const dnsRequired = spec.letsEncryptStatus === "dns_required"
  app.domains.push({
    id,
    name: spec.name,
    canonical: spec.canonical === true,
    validity: spec.certificateValidUntil?.toISOString() ?? null,
    letsEncrypt: spec.letsEncryptStatus !== undefined,
    letsEncryptStatus: spec.letsEncryptStatus ?? "",
    acmeDnsFqdn: dnsRequired ? `_acme-challenge.${spec.name}` : "",
    acmeDnsValue: dnsRequired ? stableUuid(`acme:${id}`).replace(/-/g, "") : ""
  })
  return id
}

export const domainsRoutes = (store: AppStore, region: RegionName): ReadonlyArray<Route> => [
  appRoute(store, region, {
    method: "GET",
    under: "/domains",
    permission: "read",
    handle: (_context, { app }) => json(200, { domains: app.domains.map((domain) => domainJson(app.id, domain)) })
  })
]
