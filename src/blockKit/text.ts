import { LIMITS } from "./limits.js"

/**
 * Text for Slack's mrkdwn. Our own markup (bold labels, links we build) is written by the renderers;
 * every value that comes from Scalingo or a person goes through `plain` or `code`, so data is shown as
 * data: no mention, link or formatting can be smuggled in through an app name or a commit message.
 */

/** The three characters mrkdwn treats as control characters. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/** Cuts text to `max` characters, saying so with an ellipsis rather than failing. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`

/** Text on one line (whitespace runs become one space), clipped. Not escaped. */
export const oneLine = (text: string, max = 120): string => clip(text.replace(/\s+/g, " ").trim(), max)

const ZERO_WIDTH_SPACE = "\u200b"

/**
 * Breaks the formatting marks mrkdwn would honour in data (`*bold*`, `_italic_`, `~strike~`, `` `code` ``):
 * a mark only formats when it touches a word on its inner side and a boundary on its outer side, so a
 * zero-width space on the inner side of each such mark leaves the text readable and inert.
 * `snake_case_names` are untouched: their marks sit between letters.
 */
export const neutraliseMarks = (text: string): string =>
  text
    .replace(/(^|[^\p{L}\p{N}])([*_~`])(?=[^\s*_~`])/gu, `$1$2${ZERO_WIDTH_SPACE}`)
    .replace(/([^\s*_~`])([*_~`])(?=$|[^\p{L}\p{N}])/gu, `$1${ZERO_WIDTH_SPACE}$2`)

/** A value from Scalingo or a person, as inert text on one line. */
export const plain = (text: string, max = 120): string => escapeMrkdwn(neutraliseMarks(oneLine(text, max)))

/** A value as inline code (names, refs, hosts); a backtick inside would end the span early. */
export const code = (text: string, max = 120): string => `\`${escapeMrkdwn(oneLine(text.replace(/`/g, "'"), max))}\``

/** A multi-line value (logs) in a code block; three backticks inside would end it early. */
export const codeBlock = (text: string, max: number = LIMITS.sectionText - 8): string =>
  `\`\`\`${escapeMrkdwn(clip(text.replace(/```/g, "'''"), max))}\`\`\``

/** The host of a URL, or undefined when it is not an http(s) URL we are willing to link to. */
export const linkHost = (url: string | undefined): string | undefined => {
  if (url === undefined || url.length > LIMITS.buttonUrl || /[\s<>|`]/.test(url)) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.host : undefined
  } catch {
    return undefined
  }
}

/** A commit the way Git shows it: a full SHA cut to 7 characters; a tag or branch name stays whole. */
export const shortCommit = (ref: string): string => (/^[0-9a-f]{12,40}$/i.test(ref) ? ref.slice(0, 7) : ref)

/**
 * A link whose text says where it goes: `label (host)`, unless the label already is that host. A URL
 * that is not plain http(s) is shown as its label alone, unlinked.
 */
export const link = (url: string | undefined, label: string): string => {
  const host = linkHost(url)
  if (host === undefined) return plain(label)
  const shown = label.toLowerCase().includes(host.toLowerCase()) ? plain(label) : `${plain(label)} (${plain(host)})`
  return `<${url}|${shown}>`
}

/** A link to one of our own fixed destinations (the dashboard), whose label needs no host. */
export const trustedLink = (url: string, label: string): string => `<${url}|${plain(label)}>`

/** A Slack date token: shown in each reader's own time zone, with a plain fallback. */
export const slackDate = (date: Date, format = "{date_short_pretty} at {time}"): string => {
  const seconds = Math.floor(date.getTime() / 1000)
  return Number.isFinite(seconds) ? `<!date^${seconds}^${format}|${date.toISOString()}>` : "at an unknown time"
}

/** "a", "a and b", "a, b and c", "a, b, c … and 4 more" (items already rendered). */
export const listOf = (items: ReadonlyArray<string>, max = 8): string => {
  const shown = items.slice(0, max)
  const hidden = items.length - shown.length
  if (hidden > 0) return `${shown.join(", ")} and ${hidden} more`
  if (shown.length <= 1) return shown.join("")
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`
}

/** 72 → "1m 12s", 3600 → "1h", 40 → "40s". */
export const durationText = (seconds: number): string => {
  const total = Math.max(0, Math.round(seconds))
  const parts = [
    [Math.floor(total / 3600), "h"],
    [Math.floor((total % 3600) / 60), "m"],
    [total % 60, "s"]
  ] as const
  const shown = parts.filter(([amount]) => amount > 0).map(([amount, unit]) => `${amount}${unit}`)
  return shown.length > 0 ? shown.join(" ") : "0s"
}

/** "1 app", "3 apps". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`

/**
 * Our mrkdwn as plain text, for the fields Slack shows as typed (a modal's inline errors): code marks
 * become quotes, bold and italic marks and emoji codes go, a link keeps its label, escapes are undone.
 */
export const mrkdwnToPlain = (text: string): string =>
  text
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2")
    .replace(/`([^`]*)`/g, "“$1”")
    .replace(/(^|[^\p{L}\p{N}])[*_~](?=\S)([^*_~]*?\S)[*_~](?=$|[^\p{L}\p{N}])/gu, "$1$2")
    .replace(/(^|\s):[a-z0-9_+-]+:\s*/g, "$1")
    .replace(/\u200b/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")

/** An internal code as words: `build-error` → "build error", `TokenRejected` → "token rejected". */
export const codeAsWords = (value: string): string =>
  value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase()
    .replace(/\bscalingo\b/g, "Scalingo")

/**
 * A message's notification text from its mrkdwn: what a phone or a screen reader says, a plain
 * sentence (no emoji codes, no code or bold marks; a date as its time in UTC).
 */
export const notificationText = (mrkdwn: string): string =>
  mrkdwn
    .replace(/<!date\^\d+\^[^|>]*\|(\d{4}-\d\d-\d\dT(\d\d:\d\d)[^>]*)>/g, "$2 UTC")
    .replace(/:[a-z0-9_+-]+:\s*/g, "")
    .replace(/[`*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
