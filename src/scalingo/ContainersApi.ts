import { fn } from "../tracing/fn.js"
import { Duration, Effect } from "effect"
import { AppResources } from "./AppResources.js"
import { jsonBody } from "./bodyReaders.js"
import { Regions } from "./Regions.js"
import { makeRegionCatalogue } from "./regionCatalogue.js"
import { headerValue } from "./replyHeaders.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ContainerSizesResponse, type ContainerType, FormationResponse, PsResponse } from "./schemas/containers.js"

/** One type's change in a scale: its new amount and, optionally, a new size (unchanged when absent). */
export interface ScaleChange {
  readonly name: string
  readonly amount: number
  readonly size?: string
}

export interface ScaleResult {
  /** The whole formation after the scale, as Scalingo answered it. */
  readonly formation: ReadonlyArray<ContainerType>
  /** The operation to follow (a 202's `Location`); undefined when Scalingo scaled at once (200). */
  readonly operationUrl: string | undefined
}

/** The size catalogue changes rarely and is the same for every account (read anonymously). */
const SIZES_TTL = Duration.hours(1)

/** An app's containers: `GET …/containers` (formation), `GET …/ps`, `POST …/scale`, and the size catalogue. */
export class ContainersApi extends Effect.Service<ContainersApi>()("bot/scalingo/ContainersApi", {
  effect: Effect.gen(function* () {
    const apps = yield* AppResources
    const regions = yield* Regions
    const sizeCatalogue = yield* makeRegionCatalogue({
      template: "/v1/features/container_sizes",
      schema: ContainerSizesResponse,
      timeToLive: SIZES_TTL
    })

    const formation = fn("ContainersApi.formation")(function* (account: ScalingoAccount, region: string, app: string) {
      const { containers } = yield* apps.of(account, region, app).get("/v1/apps/{app}/containers", FormationResponse)
      return containers
    })

    const ps = fn("ContainersApi.ps")(function* (account: ScalingoAccount, region: string, app: string) {
      const { containers } = yield* apps.of(account, region, app).get("/v1/apps/{app}/ps", PsResponse)
      return containers
    })

    /** The region's container sizes, read once an hour at most whoever asks. */
    const sizes = fn("ContainersApi.sizes")(function* (account: ScalingoAccount, region: string) {
      const { container_sizes } = yield* sizeCatalogue.get(account, yield* regions.get(account, region))
      return container_sizes
    })

    /** Sends one scale (a change: never sent twice once it may have reached Scalingo). */
    const scale = fn("ContainersApi.scale")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      changes: ReadonlyArray<ScaleChange>
    ) {
      const containers = changes.map(({ name, amount, size }) => ({
        name,
        amount,
        ...(size === undefined || size === "" ? {} : { size })
      }))
      const reply = yield* apps
        .of(account, region, app)
        .request("POST", "/v1/apps/{app}/scale", { change: true, body: { containers } }, jsonBody(FormationResponse))
      return {
        formation: reply.body.containers,
        operationUrl: reply.status === 202 ? headerValue(reply.headers, "location") : undefined
      } satisfies ScaleResult
    })

    return { formation, ps, sizes, scale } as const
  })
}) {}
