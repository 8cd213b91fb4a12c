import { Redacted } from "effect"
import type { Region } from "./schemas/region.js"

/**
 * Which URLs may receive an account's bearer (a region's `api`) or a secret URL's request. Scalingo's
 * regional APIs live under its own domains (`https://api.osc-fr1.scalingo.com`,
 * `https://api.osc-secnum-fr1.scalingo.com`; scalingo-api.md §2.1); an answer naming any other host,
 * or plain http, is not trusted with a credential. The auth URL's own host is trusted too, and plain
 * http only when the auth URL itself is http (the simulator on loopback).
 */
const SCALINGO_DOMAINS = ["scalingo.com", "scalingo.io"]

const onScalingoDomain = (host: string): boolean =>
  SCALINGO_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))

/** Why `url` may not be trusted, or undefined when it may. The reason never quotes the URL. */
export const trustedUrlProblem = (url: string | Redacted.Redacted<string>, authUrl: string): string | undefined => {
  let parsed: URL
  try {
    parsed = new URL(Redacted.isRedacted(url) ? Redacted.value(url) : url)
  } catch {
    return "is not a URL"
  }
  const auth = new URL(authUrl)
  const plainAllowed = auth.protocol === "http:"
  if (parsed.protocol !== "https:" && !(plainAllowed && parsed.protocol === "http:")) return "does not use https"
  if (parsed.username !== "" || parsed.password !== "") return "carries credentials"
  const host = parsed.hostname.toLowerCase()
  if (host === auth.hostname.toLowerCase() || onScalingoDomain(host)) return undefined
  return "is not on a Scalingo host"
}

/** Why a region's API URL may not receive the bearer (it also must not carry a query or fragment). */
export const regionApiProblem = (api: string, authUrl: string): string | undefined => {
  const problem = trustedUrlProblem(api, authUrl)
  if (problem !== undefined) return problem
  const parsed = new URL(api)
  return parsed.search !== "" || parsed.hash !== "" ? "carries a query or fragment" : undefined
}

/** Base URL for a region's API calls, without a trailing slash. */
export const regionApiUrl = (region: Region): string => region.api.replace(/\/+$/, "")
