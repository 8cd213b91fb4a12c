import { createHash, randomBytes } from "node:crypto"

/** Identifier and date shapes as Scalingo writes them. */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

const digest = (seed: string): Buffer => createHash("sha256").update(`scalingo-simulator:${seed}`).digest()

/** A uuid-shaped string derived from a seed, so seeded ids survive restarts. */
export const stableUuid = (seed: string): string => {
  const hex = digest(seed).toString("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** `tk-us-` + 48 base62 characters, derived from the username so a .env can keep it. */
export const stableApiToken = (username: string): string => {
  const bytes = Buffer.concat([digest(`token:${username}`), digest(`token2:${username}`)])
  let body = ""
  for (let index = 0; index < 48; index++) body += BASE62[bytes[index]! % 62]
  return `tk-us-${body}`
}

/** A 24-hex id shaped like a MongoDB ObjectId (seconds first), as apps and events have. */
export const objectId = (atMs: number = Date.now()): string =>
  Math.floor(atMs / 1000)
    .toString(16)
    .padStart(8, "0")
    .slice(-8) + randomBytes(8).toString("hex")

/** ISO 8601 with milliseconds and an explicit offset, like Scalingo's dates. */
export const isoDate = (ms: number): string => new Date(ms).toISOString().replace("Z", "+00:00")

export const base64url = (input: string | Buffer): string => Buffer.from(input).toString("base64url")

/** A 24-hex ObjectId-shaped id derived from a seed, for catalogue entries that never change. */
export const stableObjectId = (seed: string): string => digest(seed).toString("hex").slice(0, 24)
