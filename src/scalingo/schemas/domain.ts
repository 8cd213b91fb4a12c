import { Schema } from "effect"
import { Bool, lenientArray, lenientFields, Text, withFallback } from "./events/lenient.js"

/**
 * A custom domain of an app (DOC domains.md, GO domains.go). `validity` is the certificate's end; Go
 * writes its zero date (`0001-01-01T00:00:00Z`) when there is no certificate. `letsencrypt_status` is one
 * of `pending_dns`, `new`, `created`, `dns_required`, `error`; `ssl_status` one of `pending`, `error`,
 * `success` (GO only). `tlscert`/`tlskey` are never read.
 */
export const Domain = Schema.Struct({
  id: Text,
  name: Text,
  ssl: withFallback(Bool, false),
  canonical: withFallback(Bool, false),
  ...lenientFields({
    validity: Text,
    letsencrypt_enabled: Bool,
    letsencrypt: Bool,
    letsencrypt_status: Text,
    ssl_status: Text,
    acme_dns_fqdn: Text,
    acme_dns_value: Text
  })
})
export type Domain = typeof Domain.Type

export const DomainsResponse = Schema.Struct({ domains: lenientArray(Domain) })
