import { isoDate, objectId } from "./ids.js"
import type { ContainerRecord, ContainerTypeRecord } from "./records.js"
import { DEFAULT_SIZE, sizeJson } from "./sizes.js"
import type { RegionName } from "./types.js"

/** An app's formation (container types) and the containers that run it. */

export interface FormationSpec {
  readonly name: string
  readonly amount: number
  /** Default M. */
  readonly size?: string
  readonly command?: string
}

const COMMANDS: Record<string, string> = { web: "npm start", worker: "node worker.js", clock: "node clock.js" }

/**
 * A never-deployed app has no formation at all (DOC apps.md: types come from the Procfile of a
 * deployment; the CLI answers "You have no container type yet" to an empty list). Any other app
 * defaults to one M web container, none when stopped.
 */
export const formationOf = (
  spec: ReadonlyArray<FormationSpec> | undefined,
  status: string
): Array<ContainerTypeRecord> => {
  const chosen = spec ?? (status === "new" ? [] : [{ name: "web", amount: status === "stopped" ? 0 : 1 }])
  return chosen.map((type) => ({
    id: objectId(),
    name: type.name,
    amount: type.amount,
    size: type.size ?? DEFAULT_SIZE,
    command: type.command ?? COMMANDS[type.name] ?? ""
  }))
}

/**
 * The containers a formation runs. Containers of `keep` types that still fit are kept (same id and
 * start time); the others are started now, as a restart or a scale would.
 */
export const containersFor = (
  formation: ReadonlyArray<ContainerTypeRecord>,
  current: ReadonlyArray<ContainerRecord>,
  startedAtMs: number = Date.now(),
  restarted: (container: ContainerRecord) => boolean = () => true
): Array<ContainerRecord> =>
  formation.flatMap((type) =>
    Array.from({ length: type.amount }, (_unused, index) => {
      const old = current.find((c) => c.type === type.name && c.typeIndex === index + 1 && c.size === type.size)
      if (old !== undefined && !restarted(old)) return old
      return {
        id: objectId(startedAtMs),
        type: type.name,
        typeIndex: index + 1,
        createdAt: isoDate(startedAtMs),
        state: "running",
        size: type.size
      }
    })
  )

export const labelOf = (container: ContainerRecord): string => `${container.type}-${container.typeIndex}`

export const formationJson = (appId: string, formation: ReadonlyArray<ContainerTypeRecord>) =>
  formation.map((type) => ({
    id: type.id,
    app_id: appId,
    name: type.name,
    amount: type.amount,
    size: type.size,
    command: type.command
  }))

/** `GET /ps` entries (DOC apps.md example, plus GO's `label` and `app_id`). */
export const psJson = (appId: string, region: RegionName, containers: ReadonlyArray<ContainerRecord>) =>
  containers.map((container) => ({
    id: container.id,
    app_id: appId,
    type: container.type,
    type_index: container.typeIndex,
    label: labelOf(container),
    created_at: container.createdAt,
    deleted_at: null,
    state: container.state,
    size: "",
    command: "",
    container_size: sizeJson(container.size, region)
  }))
