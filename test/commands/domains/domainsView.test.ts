import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { domainsMessage, EXPIRY_WARNING_DAYS, tlsLines } from "../../../src/commands/domains/domainsView.js"
import { DomainsResponse } from "../../../src/scalingo/schemas/domain.js"
import { expectWithinBlockKitLimits } from "../../support/blockKit.js"
import { textOf } from "../../support/commandKit.js"

const NOW = Date.parse("2026-12-08T12:00:00Z")
const DAY = 86_400_000
const decode = Schema.decodeUnknownSync(DomainsResponse)

/** As Scalingo writes it (DOC domains.md, GO domains.go): Go's zero date when there is no certificate. */
const domainJson = (name: string, fields: Record<string, unknown> = {}) => ({
  id: `dom-${name}`,
  app_id: "app-1",
  name,
  ssl: false,
  validity: "0001-01-01T00:00:00Z",
  canonical: false,
  letsencrypt_enabled: false,
  letsencrypt_status: "",
  ssl_status: "pending",
  acme_dns_fqdn: "",
  acme_dns_value: "",
  acme_dns_error: {},
  ...fields
})
const withCertificate = (name: string, days: number, fields: Record<string, unknown> = {}) =>
  domainJson(name, { ssl: true, validity: new Date(NOW + days * DAY).toISOString(), ssl_status: "success", ...fields })
const one = (json: Record<string, unknown>) => decode({ domains: [json] }).domains[0]!

describe("domains view", () => {
  it("decodes Scalingo's domain objects, the zero date meaning no certificate", () => {
    const [plain, secured] = decode({ domains: [domainJson("a.example"), withCertificate("b.example", 30)] }).domains
    expect(tlsLines(plain!, NOW).state).toContain("No certificate")
    expect(tlsLines(secured!, NOW).state).toContain("valid until")
  })

  it(`warns for a certificate that ends within ${EXPIRY_WARNING_DAYS} days, not after`, () => {
    expect(tlsLines(one(withCertificate("x.example", EXPIRY_WARNING_DAYS - 1)), NOW).warning).toContain(
      "Expires in 13 days"
    )
    expect(tlsLines(one(withCertificate("x.example", EXPIRY_WARNING_DAYS + 1)), NOW).warning).toBeUndefined()
    expect(tlsLines(one(withCertificate("x.example", -2)), NOW).warning).toContain("has expired")
  })

  it("shows the DNS record Let's Encrypt waits for", () => {
    const waiting = one(
      domainJson("s.example", {
        letsencrypt_enabled: true,
        letsencrypt_status: "dns_required",
        acme_dns_fqdn: "_acme-challenge.s.example",
        acme_dns_value: "abc123"
      })
    )
    const { warning } = tlsLines(waiting, NOW)
    expect(warning).toContain("_acme-challenge.s.example")
    expect(warning).toContain("abc123")
  })

  it("lists the canonical domain first, then by name, with a summary of what to act on", () => {
    const { domains } = decode({
      domains: [
        withCertificate("b.example", 90),
        withCertificate("z.example", 90, { canonical: true }),
        withCertificate("a.example", 3)
      ]
    })
    const shown = domainsMessage({ app: "my-app", region: "osc-fr1", domains, nowMs: NOW })
    const text = textOf(shown)
    expect(text.indexOf("z.example")).toBeLessThan(text.indexOf("a.example"))
    expect(text.indexOf("a.example")).toBeLessThan(text.indexOf("b.example"))
    expect(text).toContain("3 domains · 1 domain to act on")
    expect(shown.text).toBe("my-app has 3 custom domains, 1 domain to act on")
  })

  it("an app without a custom domain says so and where to add one", () => {
    const text = textOf(domainsMessage({ app: "my-app", region: "osc-fr1", domains: [], nowMs: NOW }))
    expect(text).toContain("no custom domain")
    expect(text).toContain("https://dashboard.scalingo.com/apps/osc-fr1/my-app/domains")
  })

  it("a hundred domains stay within Slack's limits and say how many are left out", () => {
    const { domains } = decode({ domains: Array.from({ length: 100 }, (_, i) => withCertificate(`d${i}.example`, i)) })
    const shown = domainsMessage({ app: "my-app", region: "osc-fr1", domains, nowMs: NOW })
    expectWithinBlockKitLimits(shown as never)
    expect(textOf(shown)).toContain("and 55 more")
    expect(textOf(shown)).toContain("100 domains · 14 domains to act on")
  })
})
