/**
 * What is posted to a channel names people by username only: e-mail addresses are private (they are
 * shown only in answers one person sees). `name (address)` keeps the name; an address alone is hidden.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu

export const withoutEmails = (text: string): string =>
  text.replace(new RegExp(` \\((?:${EMAIL.source})\\)`, "gu"), "").replace(EMAIL, "someone (e-mail hidden)")

export const hasEmail = (text: string): boolean => new RegExp(EMAIL.source, "u").test(text)

// Log lines may quote secrets: values after a secret-sounding name, credentials in URLs, bearer tokens
// and long random-looking strings (keys, tokens) are hidden before a line reaches a channel.
const SECRET_WORD =
  "password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|auth(?:orization)?"
const SECRET_NAMED = new RegExp(`\\b([\\w.-]*(?:${SECRET_WORD})[\\w.-]*)(["']?\\s*[:=]\\s*["']?)[^\\s"',;&]+`, "giu")
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/giu
const BEARER = /\b(bearer|basic)\s+[\w\-.~+/=]{8,}/giu
const RANDOM_LOOKING = /[A-Za-z0-9_\-+/=]{24,}/gu
const looksRandom = (word: string) => /[0-9]/.test(word) && /[A-Za-z]/.test(word)

/** A log line fit for a channel: no e-mail address and nothing that looks like a secret. */
export const withoutSecrets = (text: string): string =>
  withoutEmails(
    text
      .replace(URL_CREDENTIALS, "$1[hidden]@")
      .replace(BEARER, "$1 [hidden]")
      .replace(SECRET_NAMED, "$1$2[hidden]")
      .replace(RANDOM_LOOKING, (word) => (looksRandom(word) ? "[hidden]" : word))
  )
