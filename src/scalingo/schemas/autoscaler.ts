import { Schema } from "effect"
import { Bool, lenientArray, lenientFields, Num, Text, withFallback } from "./events/lenient.js"

/**
 * An autoscaler (DOC autoscalers.md): on one container type, between `min_containers` and
 * `max_containers`, aiming `metric` at `target`. A manual scale of that type disables it. The docs'
 * examples sometimes leave out `disabled`, read as false.
 */
export const Autoscaler = Schema.Struct({
  id: Text,
  container_type: Text,
  disabled: withFallback(Bool, false),
  ...lenientFields({
    app_id: Text,
    min_containers: Num,
    max_containers: Num,
    metric: Text,
    target: Num,
    created_at: Text,
    updated_at: Text,
    last_scale: Text
  })
})
export type Autoscaler = typeof Autoscaler.Type

export const AutoscalersResponse = Schema.Struct({ autoscalers: lenientArray(Autoscaler) })
