import type { AccountRecord } from "./accounts.js"
import { json, type Reply } from "./reply.js"
import type { ContainerTypeRecord } from "./records.js"
import { isSizeName, SIZE_NAMES } from "./sizes.js"

/**
 * Scalingo's checks on `POST /scale`. The only answer observed from the live API is the one for more
 * than 10 containers (ISS Scalingo/cli#1213, 2026): 422 with the key `container-<type>-amount` and the
 * message wrapped in a second array, kept as seen. The other messages follow that key pattern with
 * wording of our own (no source has them).
 */

export const MAX_PER_TYPE = 10

export interface ScaleRequest {
  readonly name: string
  readonly amount: number
  readonly size: string | undefined
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** The requested changes, or the 422 that refuses them. */
export const checkScale = (
  body: unknown,
  formation: ReadonlyArray<ContainerTypeRecord>
): { ok: true; changes: Array<ScaleRequest> } | { ok: false; reply: Reply } => {
  const containers = isObject(body) ? body["containers"] : undefined
  if (!Array.isArray(containers) || containers.length === 0) {
    return { ok: false, reply: json(422, { errors: { containers: ["missing field"] } }) }
  }
  const errors: Record<string, Array<unknown>> = {}
  const changes: Array<ScaleRequest> = []
  for (const entry of containers) {
    const name = isObject(entry) && typeof entry["name"] === "string" ? entry["name"] : ""
    const amount = isObject(entry) ? entry["amount"] : undefined
    const size =
      isObject(entry) && typeof entry["size"] === "string" && entry["size"] !== "" ? entry["size"] : undefined
    const key = `container-${name}`
    if (!formation.some((type) => type.name === name)) {
      errors[`${key}-name`] = [`'${name}' is not a container type of this app (see its Procfile)`]
      continue
    }
    if (typeof amount !== "number" || !Number.isInteger(amount) || amount < 0) {
      errors[`${key}-amount`] = ["must be an integer greater than or equal to 0"]
    } else if (amount > MAX_PER_TYPE) {
      errors[`${key}-amount`] = [
        [`can't scale over ${MAX_PER_TYPE} containers, contact us at support@scalingo.com if you need more`]
      ]
    }
    if (size !== undefined && !isSizeName(size)) {
      errors[`${key}-size`] = [`'${size}' is not a valid container size (${SIZE_NAMES.join(", ")})`]
    }
    if (typeof amount === "number") changes.push({ name, amount, size })
  }
  if (Object.keys(errors).length > 0) return { ok: false, reply: json(422, { errors }) }
  return { ok: true, changes }
}

/**
 * DOC apps.md: "You can only have 1 small or medium 'web' container without having defined a payment
 * method". The 402 carries the `name` the CLI reads to offer ending the free trial.
 */
export const billingRefusal = (account: AccountRecord, after: ReadonlyArray<ScaleRequest>): Reply | undefined => {
  if (account.billingVerified) return undefined
  const running = after.filter((type) => type.amount > 0)
  const total = running.reduce((sum, type) => sum + type.amount, 0)
  const fine =
    total === 0 || (total === 1 && running[0]!.name === "web" && ["S", "M"].includes(running[0]!.size ?? "M"))
  if (fine) return undefined
  return json(402, {
    name: "free-trial-exceeded",
    error: "You can only have 1 small or medium 'web' container without having defined a payment method",
    url: "https://my.scalingo.com/apps/billing"
  })
}
