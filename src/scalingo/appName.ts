/**
 * Scalingo's app-name rules (docs: "between 6 and 48 lower case alphanumerical characters and
 * hyphens, it can't have an hyphen at the beginning or at the end, nor two hyphens in a row").
 */
export const APP_NAME_RULES = "6 to 48 characters: lowercase letters, digits and single hyphens, not at either end"

/** Why a name breaks Scalingo's rules for a new app, or undefined when it is valid. */
export const appNameProblem = (name: string): string | undefined => {
  if (name.length < 6) return "is too short (at least 6 characters)"
  if (name.length > 48) return "is too long (at most 48 characters)"
  if (!/^[a-z0-9-]+$/.test(name)) return "may contain only lowercase letters, digits and hyphens"
  if (name.startsWith("-") || name.endsWith("-")) return "cannot start or end with a hyphen"
  if (name.includes("--")) return "cannot contain two hyphens in a row"
  return undefined
}

/**
 * Whether text may name an existing app in a URL path. Looser than the creation rules (older apps
 * may predate them) but never lets a slash, dot, percent sign or space reach a request path.
 */
export const isPathSafeAppName = (name: string): boolean => /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(name)
