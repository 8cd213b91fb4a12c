import type * as Headers from "@effect/platform/Headers"
import { Duration, Option } from "effect"

/**
 * A `Retry-After` longer than this is read as this: a server asking for hours is not a pause a chat
 * reply can honour, and a wild value must not park a lane or a retry for days.
 */
export const RETRY_AFTER_MAX = Duration.hours(1)

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/
/** `Sun, 06 Nov 1994 08:49:37 GMT` (the preferred form). */
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i
/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete RFC 850). */
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i
/** `Sun Nov  6 08:49:37 1994` (obsolete asctime, always UTC). */
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i

/** A UTC instant from its parts, or undefined when they name no real moment (31 Feb, 25:00). */
const utc = (year: number, month: string, day: string, hour: string, minute: string, second: string) => {
  const index = MONTHS.indexOf(month.toLowerCase())
  const [d, h, m, s] = [day, hour, minute, second].map(Number) as [number, number, number, number]
  if (index < 0 || h > 23 || m > 59 || s > 60) return undefined
  const at = new Date(Date.UTC(year, index, d, h, m, Math.min(s, 59)))
  return at.getUTCMonth() === index && at.getUTCDate() === d ? at.getTime() : undefined
}

/** RFC 9110 §5.6.7: a two-digit year more than 50 years ahead is the latest past year ending so. */
const fullYear = (twoDigits: string, now: number) => {
  const thisYear = new Date(now).getUTCFullYear()
  const year = Math.floor(thisYear / 100) * 100 + Number(twoDigits)
  return year > thisYear + 50 ? year - 100 : year
}

/** An HTTP date (RFC 9110: IMF-fixdate, or the obsolete RFC 850 and asctime forms) as epoch ms. */
export const parseHttpDate = (value: string, now: number): number | undefined => {
  const text = value.trim()
  const fixdate = IMF_FIXDATE.exec(text)
  if (fixdate !== null) {
    const [, day, month, year, h, m, s] = fixdate as unknown as [string, string, string, string, string, string, string]
    return utc(Number(year), month, day, h, m, s)
  }
  const rfc850 = RFC_850.exec(text)
  if (rfc850 !== null) {
    const [, day, month, year, h, m, s] = rfc850 as unknown as [string, string, string, string, string, string, string]
    return utc(fullYear(year, now), month, day, h, m, s)
  }
  const asctime = ASCTIME.exec(text)
  if (asctime !== null) {
    const [, month, day, h, m, s, year] = asctime as unknown as [string, string, string, string, string, string, string]
    return utc(Number(year), month, day.trim(), h, m, s)
  }
  return undefined
}

/**
 * How long a `Retry-After` asks to wait, as of `now` (epoch ms): delta-seconds or an HTTP date.
 * Never negative (a date in the past means now), at most `max`; None when the value is unreadable.
 */
export const parseRetryAfter = (
  value: string,
  now: number,
  max: Duration.Duration = RETRY_AFTER_MAX
): Option.Option<Duration.Duration> => {
  const text = value.trim()
  const date = DELTA_SECONDS.test(text) ? undefined : parseHttpDate(text, now)
  if (!DELTA_SECONDS.test(text) && date === undefined) return Option.none()
  // Delta-seconds too long for a number are Infinity, which the bound brings back to `max`.
  const wait = date === undefined ? Number(text) * 1000 : date - now
  return Option.some(Duration.min(Duration.millis(Math.max(0, wait)), max))
}

/** A reply's `Retry-After`, read as of `now`; None when absent or unreadable. */
export const retryAfterOf = (
  headers: Headers.Headers,
  now: number,
  max: Duration.Duration = RETRY_AFTER_MAX
): Option.Option<Duration.Duration> => {
  const value = headers["retry-after"]
  return value === undefined ? Option.none() : parseRetryAfter(value, now, max)
}
