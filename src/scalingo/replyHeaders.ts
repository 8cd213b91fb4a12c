import * as Headers from "@effect/platform/Headers"
import { Option } from "effect"

/** A header's value (a 202's `Location`), or undefined when absent or blank. */
export const headerValue = (headers: Headers.Headers, name: string): string | undefined =>
  Option.getOrUndefined(Option.filter(Headers.get(headers, name), (value) => value.trim() !== ""))
