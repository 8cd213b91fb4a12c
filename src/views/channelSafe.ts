/**
 * What is posted to a channel names people by username only: e-mail addresses are private (they are
 * shown only in answers one person sees). `name (address)` keeps the name; an address alone is hidden.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu

export const withoutEmails = (text: string): string =>
  text.replace(new RegExp(` \\((?:${EMAIL.source})\\)`, "gu"), "").replace(EMAIL, "someone (e-mail hidden)")

export const hasEmail = (text: string): boolean => new RegExp(EMAIL.source, "u").test(text)
