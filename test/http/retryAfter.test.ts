// The one reading of `Retry-After` for Scalingo and Slack: delta-seconds or an HTTP date (RFC 9110, the
// preferred form and both obsolete ones), as of a given moment, never negative, never past the bound.
import * as Headers from "@effect/platform/Headers"
import { Duration, Option } from "effect"
import { describe, expect, it } from "vitest"
import { parseHttpDate, parseRetryAfter, RETRY_AFTER_MAX, retryAfterOf } from "../../src/http/retryAfter.js"

/** 1994-11-06T08:49:37Z, RFC 9110's example moment. */
const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37)
const millisOf = (value: string, now: number, max?: Duration.Duration) =>
  Option.getOrUndefined(Option.map(parseRetryAfter(value, now, max), Duration.toMillis))

describe("Retry-After", () => {
  it("reads delta-seconds, with a fraction or surrounding spaces", () => {
    expect(millisOf("0", EXAMPLE)).toBe(0)
    expect(millisOf("120", EXAMPLE)).toBe(120_000)
    expect(millisOf(" 2.5 ", EXAMPLE)).toBe(2_500)
  })

  it("reads the three HTTP date forms as the same moment", () => {
    expect(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT", 0)).toBe(EXAMPLE)
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT", EXAMPLE)).toBe(EXAMPLE)
    expect(parseHttpDate("Sun Nov  6 08:49:37 1994", 0)).toBe(EXAMPLE)
    expect(parseHttpDate("sun, 06 nov 1994 08:49:37 gmt", 0)).toBe(EXAMPLE)
  })

  it("an RFC 850 two-digit year more than 50 years ahead is the last century's", () => {
    const in2030 = Date.UTC(2030, 0, 1)
    expect(new Date(parseHttpDate("Monday, 01-Jan-80 00:00:00 GMT", in2030)!).getUTCFullYear()).toBe(2080)
    expect(new Date(parseHttpDate("Friday, 01-Jan-99 00:00:00 GMT", in2030)!).getUTCFullYear()).toBe(1999)
  })

  it("an HTTP date in the future is the time left until it; one in the past means now", () => {
    expect(millisOf("Sun, 06 Nov 1994 08:50:07 GMT", EXAMPLE)).toBe(30_000)
    expect(millisOf("Sunday, 06-Nov-94 08:49:47 GMT", EXAMPLE)).toBe(10_000)
    expect(millisOf("Sun Nov  6 08:49:39 1994", EXAMPLE)).toBe(2_000)
    expect(millisOf("Sun, 06 Nov 1994 08:49:37 GMT", EXAMPLE + 500)).toBe(0)
    expect(millisOf("Thu, 01 Jan 1970 00:00:00 GMT", EXAMPLE)).toBe(0)
  })

  it("garbage is no Retry-After at all", () => {
    for (const value of ["", " ", "soon", "-5", "1e3", "0x10", "Infinity", "12 s", "Sun, 31 Feb 1994 08:49:37 GMT"])
      expect(parseRetryAfter(value, EXAMPLE), value).toEqual(Option.none())
    expect(parseHttpDate("Sun, 06 Nov 1994 25:49:37 GMT", 0)).toBeUndefined()
    expect(parseHttpDate("2024-05-01T10:00:00Z", 0)).toBeUndefined()
  })

  it("a huge value, in seconds or as a far date, is held to the bound (an hour unless told)", () => {
    const hour = Duration.toMillis(RETRY_AFTER_MAX)
    expect(hour).toBe(3_600_000)
    expect(millisOf("86400", EXAMPLE)).toBe(hour)
    expect(millisOf("9".repeat(400), EXAMPLE)).toBe(hour)
    expect(millisOf("Fri, 31 Dec 9999 23:59:59 GMT", EXAMPLE)).toBe(hour)
    expect(millisOf("600", EXAMPLE, Duration.seconds(60))).toBe(60_000)
  })

  it("is read from a reply's headers, whatever the name's case; absent is none", () => {
    const now = EXAMPLE
    expect(retryAfterOf(Headers.fromInput({ "Retry-After": "7" }), now)).toEqual(Option.some(Duration.seconds(7)))
    expect(retryAfterOf(Headers.fromInput({ "retry-after": "Sun, 06 Nov 1994 08:49:40 GMT" }), now)).toEqual(
      Option.some(Duration.millis(3_000))
    )
    expect(retryAfterOf(Headers.empty, now)).toEqual(Option.none())
  })
})
