import { stableUuid } from "./ids.js"
import type { RegionName } from "./types.js"

/**
 * Scalingo's container sizes (DOC container_sizes.md for ids, ordinals, prices and CPU wording; DSC
 * internals/container-sizes.md for memory, swap and PID limits; `sku` as the ps example writes it).
 * 3XL has no id in the docs, so it gets a stable one.
 */

interface SizeFacts {
  readonly name: string
  readonly id: string
  readonly ordinal: number
  readonly memoryMb: number
  readonly swapMb: number
  readonly cpu: "low" | "standard" | "high"
  readonly pids: number
  readonly hourlyPrice: number
}

const SIZES: ReadonlyArray<SizeFacts> = [
  {
    name: "S",
    id: "01710ca1-5d40-45be-a038-7d029e05cb23",
    ordinal: 2,
    memoryMb: 256,
    swapMb: 64,
    cpu: "low",
    pids: 128,
    hourlyPrice: 10
  },
  {
    name: "M",
    id: "32629c23-4f69-42b8-b603-79849d1c2471",
    ordinal: 3,
    memoryMb: 512,
    swapMb: 128,
    cpu: "standard",
    pids: 256,
    hourlyPrice: 20
  },
  {
    name: "L",
    id: "c623c087-69c3-4104-8a40-6b5cd3d41cae",
    ordinal: 4,
    memoryMb: 1024,
    swapMb: 256,
    cpu: "standard",
    pids: 512,
    hourlyPrice: 40
  },
  {
    name: "XL",
    id: "f6a6a2cb-aeba-433e-958d-3d3a74e6b065",
    ordinal: 5,
    memoryMb: 2048,
    swapMb: 512,
    cpu: "high",
    pids: 1024,
    hourlyPrice: 80
  },
  {
    name: "2XL",
    id: "30b895f6-4320-4299-ac10-61e42180f9f3",
    ordinal: 6,
    memoryMb: 4096,
    swapMb: 1024,
    cpu: "high",
    pids: 2048,
    hourlyPrice: 160
  },
  {
    name: "3XL",
    id: stableUuid("size:3XL"),
    ordinal: 7,
    memoryMb: 8192,
    swapMb: 2048,
    cpu: "high",
    pids: 4096,
    hourlyPrice: 320
  }
]

/** "The default container size is M" (DSC). */
export const DEFAULT_SIZE = "M"

export const SIZE_NAMES: ReadonlyArray<string> = SIZES.map((size) => size.name)

export const isSizeName = (name: string): boolean => SIZE_NAMES.includes(name)

const MB = 1024 * 1024

/** A ContainerSize object as `GET /features/container_sizes` and `ps` render it. */
export const sizeJson = (name: string, region: RegionName): Record<string, unknown> => {
  const size = SIZES.find((candidate) => candidate.name === name) ?? SIZES[1]!
  return {
    id: size.id,
    name: size.name,
    human_name: size.name,
    human_cpu: `${size.cpu} CPU priority`,
    ordinal: size.ordinal,
    memory: size.memoryMb * MB,
    swap: size.swapMb * MB,
    pids_limit: size.pids,
    hourly_price: size.hourlyPrice,
    thirtydays_price: size.hourlyPrice * 720,
    sku: `${region}-app-${size.name}`
  }
}

export const allSizesJson = (region: RegionName): Array<Record<string, unknown>> =>
  SIZES.map((size) => sizeJson(size.name, region))
