import { Schema } from "effect"
import { lenient, lenientArray, lenientFields, Num, Text, withFallback } from "./events/lenient.js"

/**
 * Containers as the regional API shows them (scalingo-api.md §5.2): the formation (one entry per
 * container type), the running containers (`ps`) and the catalogue of sizes. Names and numbers are
 * read leniently (Go's clients send some numbers as text); unknown fields are ignored.
 */

/** One container type of a formation: `{name, amount, size}`; `size` is a size's name (`M`), "" when unset. */
export const ContainerType = Schema.Struct({
  name: Schema.String,
  amount: Num,
  size: withFallback(Schema.String, ""),
  ...lenientFields({ id: Text, app_id: Text, command: Text })
})
export type ContainerType = typeof ContainerType.Type

/**
 * `GET /v1/apps/{app}/containers` and the answer of `POST …/scale`. Every entry must decode: a
 * formation missing a type would misstate what runs, and a scale is computed from it.
 */
export const FormationResponse = Schema.Struct({ containers: Schema.Array(ContainerType) })

/** A size from `GET /v1/features/container_sizes` (or inside a ps entry); `*_price` are deprecated. */
export const ContainerSize = Schema.Struct({
  name: Schema.String,
  ...lenientFields({
    id: Text,
    human_name: Text,
    human_cpu: Text,
    memory: Num,
    swap: Num,
    ordinal: Num,
    pids_limit: Num,
    sku: Text,
    hourly_price: Num,
    thirtydays_price: Num
  })
})
export type ContainerSize = typeof ContainerSize.Type

/** Sizes that do not decode are left out: the catalogue only helps to show and check size names. */
export const ContainerSizesResponse = Schema.Struct({ container_sizes: lenientArray(ContainerSize) })

/**
 * A running container (`GET /v1/apps/{app}/ps`). `state` stays open: `running`, `booting` and
 * `stopping` are seen, the full list is unknown (scalingo-operate.md §1.2). Go adds `label`.
 */
export const PsContainer = Schema.Struct({
  type: Text,
  ...lenientFields({
    id: Text,
    app_id: Text,
    type_index: Num,
    label: Text,
    state: Schema.String,
    created_at: Text,
    deleted_at: Text,
    command: Text,
    size: Text
  }),
  container_size: Schema.optional(lenient(ContainerSize))
})
export type PsContainer = typeof PsContainer.Type

/** A container that does not decode is left out rather than failing the list. */
export const PsResponse = Schema.Struct({ containers: lenientArray(PsContainer) })

/** `web-1`: Go's `label`, or the type and index the docs' example gives. */
export const containerLabel = (container: PsContainer): string =>
  container.label ?? (container.type_index === undefined ? container.type : `${container.type}-${container.type_index}`)
