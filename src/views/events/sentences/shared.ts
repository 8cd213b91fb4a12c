import { code, durationText, escapeMrkdwn, listOf as renderedList, oneLine, plain } from "../../../blockKit/text.js"
import type { EventOf, KnownEventType } from "../../../scalingo/schemas/events/index.js"

/**
 * What a sentence builder returns, and the small formatting kit they share. Every value that came
 * from Scalingo goes through `plain` or `code` (from blockKit/text): clipped, on one line, escaped and
 * with formatting marks neutralised, so an event can never inject a mention, a link or formatting.
 */

export interface EventLink {
  readonly label: string
  /** A raw http(s) URL (no whitespace, <, > or |): ready for a button, escape it to inline it. */
  readonly url: string
}

export interface Rendering {
  readonly sentence: string
  /** Overrides the default "username (email)", e.g. "Addon PostgreSQL". Plain text, not escaped. */
  readonly who?: string
  readonly link?: EventLink
}

/** One builder per type of a family; the compiler checks that none is missing. */
export type Sentences<T extends KnownEventType> = { readonly [K in T]: (event: EventOf<K>) => string | Rendering }

/** Whether a text field carries something worth showing. */
export const has = (text: string | undefined): text is string => text !== undefined && text.trim() !== ""

export { code, durationText, escapeMrkdwn, oneLine, plain }

/** "a", "a and b", "a, b and c", "a, b, c … and 4 more". */
export const listOf = (items: ReadonlyArray<string>, render: (item: string) => string = code, max = 8): string =>
  renderedList(
    items.map((item) => render(item)),
    max
  )

/** "alice (alice@example.com)", "alice", "alice@example.com", or undefined; escaped unless `format` says otherwise. */
export const personName = (
  person: { readonly username?: string | undefined; readonly email?: string | undefined } | undefined,
  format: (text: string) => string = plain
): string | undefined => {
  const { username, email } = person ?? {}
  if (has(username) && has(email)) return `${format(username)} (${format(email)})`
  if (has(username)) return format(username)
  if (has(email)) return format(email)
  return undefined
}

/** 50 → "€50.00". */
export const euros = (amount: number): string => `€${amount.toFixed(2)}`

/** An ISO date as "2023-09-14 21:00 UTC", or undefined when it is not a date. */
export const dateText = (iso: string | undefined): string | undefined => {
  if (!has(iso)) return undefined
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return undefined
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`
}

/** A link, only when the URL is a plain http(s) URL. */
export const linkTo = (label: string, url: string | undefined): EventLink | undefined => {
  if (!has(url) || url.length > 2000 || /[\s<>|`]/.test(url)) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? { label, url } : undefined
  } catch {
    return undefined
  }
}

/** A rendering without undefined optional keys. */
export const rendering = (
  sentence: string,
  extra: { who?: string | undefined; link?: EventLink | undefined }
): Rendering => ({
  sentence,
  ...(extra.who !== undefined ? { who: extra.who } : {}),
  ...(extra.link !== undefined ? { link: extra.link } : {})
})

/** "Addon Redis" (plain text) when the event was caused by an addon. */
export const addonActor = (addonName: string | undefined): string | undefined =>
  has(addonName) ? `Addon ${oneLine(addonName)}` : undefined
